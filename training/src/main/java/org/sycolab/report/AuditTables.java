package org.sycolab.report;

import org.sycolab.pull.PullMetric;
import org.sycolab.pull.PullResult;
import org.sycolab.pull.Reward;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables of an audited reward alone: {@link PullTables}' {@code pull.csv}, {@code menu.csv} and
 * {@code seeds.csv} without λ (an audit has none) and named for what they measure. The audited
 * reward's rows are {@code audited} in the reward column, the references keep their names;
 * approval, the z-score of the selection, is {@code audited_reward} (the audited reward's z of what
 * each reward selects); and the pull, measured from λ = 0, is left out.
 */
public final class AuditTables {

  /** The reward column's name for the audited reward's own rows. */
  public static final String AUDITED = "audited";

  /** What the approval metric and columns are called in an audit's tables. */
  public static final String AUDITED_REWARD = "audited_reward";

  private AuditTables() {}

  /**
   * {@code pull.csv}: {@code reward,n,beta,metric,family,domain,value,lo,hi}, the pull's rows
   * without λ and without the pull.
   */
  public static Table pull(PullResult result) {
    Table table = PullTables.pull(result);
    return relabel(table.where(table.stringColumn("metric").isNotEqualTo(PullMetric.PULL.id())));
  }

  /**
   * {@code menu.csv}: {@code reward,n,beta,audited_reward,audited_reward_lo,audited_reward_hi,
   * truthful_rate,truthful_lo,truthful_hi,kl,kl_continuous}.
   */
  public static Table menu(PullResult result) {
    return relabel(PullTables.menu(result));
  }

  /** {@code seeds.csv}: the spread across the audited reward's runs, without λ. */
  public static Table seeds(PullResult result) {
    return relabel(PullTables.seeds(result));
  }

  private static Table relabel(Table table) {
    table.removeColumns("lambda");
    StringColumn reward = table.stringColumn("reward");
    reward.set(reward.isEqualTo(Reward.MIXED.id()), AUDITED);
    if (table.containsColumn("metric")) {
      StringColumn metric = table.stringColumn("metric");
      metric.set(metric.isEqualTo(PullMetric.APPROVAL.id()), AUDITED_REWARD);
    }
    for (String suffix : new String[] {"", "_lo", "_hi"}) {
      String approval = PullMetric.APPROVAL.id() + suffix;
      if (table.containsColumn(approval)) {
        table.column(approval).setName(AUDITED_REWARD + suffix);
      }
    }
    return table;
  }
}
