package org.sycolab.report;

import java.util.List;
import java.util.Locale;
import org.sycolab.pull.BestOfN;
import org.sycolab.pull.Estimate;
import org.sycolab.pull.MenuChoice;
import org.sycolab.pull.PoolGroup;
import org.sycolab.pull.PullMetric;
import org.sycolab.pull.PullResult;
import org.sycolab.pull.Reward;
import org.sycolab.pull.SeedSpread;
import org.sycolab.pull.Setting;
import org.sycolab.pull.TippingPoint;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The tables of a pull sweep. Missing values (n of a tilt row, β of a best-of-n row, intervals
 * without a bootstrap, a λ* that never comes) are empty cells in the CSV.
 */
public final class PullTables {

  private PullTables() {}

  /**
   * {@code pull.csv}, long format: {@code reward,lambda,n,beta,metric,family,domain,value,lo,hi},
   * one row per reward ({@code mixed} for the learned heads, then the reference selectors),
   * setting, metric and group of pools ({@code all} for the aggregate).
   */
  public static Table pull(PullResult result) {
    KeyColumns key = new KeyColumns();
    DoubleColumn value = DoubleColumn.create("value");
    DoubleColumn lo = DoubleColumn.create("lo");
    DoubleColumn hi = DoubleColumn.create("hi");
    for (Estimate estimate : result.estimates()) {
      key.append(estimate.reward(), estimate.setting(), estimate.metric(), estimate.group());
      value.append(estimate.value());
      lo.append(estimate.lo());
      hi.append(estimate.hi());
    }
    return key.table("pull", value, lo, hi);
  }

  /**
   * {@code lambda_star.csv}: per reward, selection curve (each n, each β) and group, the truthful
   * rate under π₀ and the smallest λ whose truthful rate falls below it, with its interval.
   */
  public static Table tipping(PullResult result) {
    StringColumn reward = StringColumn.create("reward");
    StringColumn selection = StringColumn.create("selection");
    IntColumn n = IntColumn.create("n");
    DoubleColumn beta = DoubleColumn.create("beta");
    StringColumn family = StringColumn.create("family");
    StringColumn domain = StringColumn.create("domain");
    DoubleColumn reference = DoubleColumn.create("reference_truthful_rate");
    DoubleColumn lambdaStar = DoubleColumn.create("lambda_star");
    DoubleColumn lo = DoubleColumn.create("lo");
    DoubleColumn hi = DoubleColumn.create("hi");
    for (TippingPoint point : result.tipping()) {
      reward.append(point.reward().id());
      selection.append(selection(point.curve()));
      appendSelector(point.curve(), n, beta);
      family.append(point.group().family());
      domain.append(point.group().domain());
      reference.append(point.referenceTruthful());
      lambdaStar.append(point.lambdaStar());
      lo.append(point.lo());
      hi.append(point.hi());
    }
    return Table.create(
        "lambda_star", reward, selection, n, beta, family, domain, reference, lambdaStar, lo, hi);
  }

  /**
   * {@code menu.csv}: over all pools, per reward and setting, the approval of what is selected
   * against its truthful rate, with the exact KL and, for best-of-n, the continuous-case log n −
   * (n−1)/n.
   */
  public static Table menu(PullResult result) {
    StringColumn reward = StringColumn.create("reward");
    DoubleColumn lambda = DoubleColumn.create("lambda");
    IntColumn n = IntColumn.create("n");
    DoubleColumn beta = DoubleColumn.create("beta");
    DoubleColumn approval = DoubleColumn.create("approval");
    DoubleColumn approvalLo = DoubleColumn.create("approval_lo");
    DoubleColumn approvalHi = DoubleColumn.create("approval_hi");
    DoubleColumn truthful = DoubleColumn.create("truthful_rate");
    DoubleColumn truthfulLo = DoubleColumn.create("truthful_lo");
    DoubleColumn truthfulHi = DoubleColumn.create("truthful_hi");
    DoubleColumn kl = DoubleColumn.create("kl");
    DoubleColumn klContinuous = DoubleColumn.create("kl_continuous");
    List<Estimate> all = result.estimates().stream().filter(e -> e.group().isAll()).toList();
    for (Estimate estimate : all) {
      if (estimate.metric() != PullMetric.APPROVAL) {
        continue;
      }
      Setting setting = estimate.setting();
      Estimate truth = find(all, estimate.reward(), setting, PullMetric.TRUTHFUL_RATE);
      reward.append(estimate.reward().id());
      appendSetting(setting, lambda, n, beta);
      approval.append(estimate.value());
      approvalLo.append(estimate.lo());
      approvalHi.append(estimate.hi());
      truthful.append(truth.value());
      truthfulLo.append(truth.lo());
      truthfulHi.append(truth.hi());
      kl.append(find(all, estimate.reward(), setting, PullMetric.KL).value());
      klContinuous.append(
          setting.selector() == Setting.Selector.BEST_OF_N
              ? BestOfN.continuousKl(setting.n())
              : Double.NaN);
    }
    return Table.create(
        "menu",
        reward,
        lambda,
        n,
        beta,
        approval,
        approvalLo,
        approvalHi,
        truthful,
        truthfulLo,
        truthfulHi,
        kl,
        klContinuous);
  }

  /**
   * {@code choice.csv}: per reward, selection curve (each n, each β) and family ({@code all} for
   * every pool), the most agreeable λ whose truthful rate's lower 95% end is at least the truth
   * floor, with its truthful rate and approval; {@code lambda} empty and {@code reason} saying why
   * where no λ meets the floor.
   */
  public static Table choice(List<MenuChoice> choices) {
    StringColumn reward = StringColumn.create("reward");
    StringColumn selection = StringColumn.create("selection");
    IntColumn n = IntColumn.create("n");
    DoubleColumn beta = DoubleColumn.create("beta");
    StringColumn family = StringColumn.create("family");
    DoubleColumn floor = DoubleColumn.create("truth_floor");
    DoubleColumn lambda = DoubleColumn.create("lambda");
    DoubleColumn truthful = DoubleColumn.create("truthful_rate");
    DoubleColumn truthfulLo = DoubleColumn.create("truthful_lo");
    DoubleColumn truthfulHi = DoubleColumn.create("truthful_hi");
    DoubleColumn approval = DoubleColumn.create("approval");
    StringColumn reason = StringColumn.create("reason");
    for (MenuChoice choice : choices) {
      reward.append(choice.reward().id());
      selection.append(selection(choice.curve()));
      appendSelector(choice.curve(), n, beta);
      family.append(choice.family());
      floor.append(choice.truthFloor());
      lambda.append(choice.lambda());
      truthful.append(choice.truthful());
      truthfulLo.append(choice.truthfulLo());
      truthfulHi.append(choice.truthfulHi());
      approval.append(choice.approval());
      reason.append(choice.reason());
    }
    return Table.create(
        "choice",
        reward,
        selection,
        n,
        beta,
        family,
        floor,
        lambda,
        truthful,
        truthfulLo,
        truthfulHi,
        approval,
        reason);
  }

  /**
   * {@code seeds.csv}: per setting, metric and group, the mean and sample standard deviation of the
   * estimates of each seed; empty with one seed.
   */
  public static Table seeds(PullResult result) {
    KeyColumns key = new KeyColumns();
    IntColumn seeds = IntColumn.create("seeds");
    DoubleColumn mean = DoubleColumn.create("mean");
    DoubleColumn sd = DoubleColumn.create("sd");
    for (SeedSpread spread : result.seeds()) {
      key.append(spread.reward(), spread.setting(), spread.metric(), spread.group());
      seeds.append(spread.replicates());
      mean.append(spread.mean());
      sd.append(spread.sd());
    }
    return key.table("seeds", seeds, mean, sd);
  }

  /** {@code best_of_n} or {@code tilt}. */
  private static String selection(Setting setting) {
    return setting.selector().name().toLowerCase(Locale.ROOT);
  }

  private static void appendSetting(
      Setting setting, DoubleColumn lambda, IntColumn n, DoubleColumn beta) {
    lambda.append(setting.lambda());
    appendSelector(setting, n, beta);
  }

  private static void appendSelector(Setting setting, IntColumn n, DoubleColumn beta) {
    if (setting.selector() == Setting.Selector.BEST_OF_N) {
      n.append(setting.n());
    } else {
      n.appendMissing();
    }
    beta.append(setting.beta());
  }

  /**
   * The columns that say which statistic a row holds: reward, lambda, n, beta, metric, family,
   * domain.
   */
  private static final class KeyColumns {
    private final StringColumn reward = StringColumn.create("reward");
    private final DoubleColumn lambda = DoubleColumn.create("lambda");
    private final IntColumn n = IntColumn.create("n");
    private final DoubleColumn beta = DoubleColumn.create("beta");
    private final StringColumn metric = StringColumn.create("metric");
    private final StringColumn family = StringColumn.create("family");
    private final StringColumn domain = StringColumn.create("domain");

    void append(Reward rewardOfRow, Setting setting, PullMetric metricOfRow, PoolGroup group) {
      reward.append(rewardOfRow.id());
      appendSetting(setting, lambda, n, beta);
      metric.append(metricOfRow.id());
      family.append(group.family());
      domain.append(group.domain());
    }

    /** A table of these columns followed by {@code values}. */
    Table table(String name, Column<?>... values) {
      Table table = Table.create(name, reward, lambda, n, beta, metric, family, domain);
      return table.addColumns(values);
    }
  }

  private static Estimate find(
      List<Estimate> all, Reward reward, Setting setting, PullMetric metric) {
    return all.stream()
        .filter(e -> e.reward() == reward && e.setting().equals(setting) && e.metric() == metric)
        .findFirst()
        .orElseThrow();
  }
}
