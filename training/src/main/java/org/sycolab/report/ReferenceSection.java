package org.sycolab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.pull.Reward;
import org.sycolab.pull.TruthRecovered;
import tech.tablesaw.api.Row;

/**
 * The reference selectors beside the learned heads: each stands in for the grounded head in r_λ, at
 * the headline's n and three λ, and the share of the oracle's truth gain the heads recover.
 */
final class ReferenceSection {

  private ReferenceSection() {}

  /** The section; a note instead of the table when pull.csv has no reference rows. */
  static Section build(PullOutputs run) {
    PullCsv pull = run.pull();
    Focus focus = run.focus();
    List<Block> blocks = new ArrayList<>();
    if (pull.references().isEmpty()) {
      blocks.add(new Block.Paragraph("pull.csv has no reference selectors' rows (reward column)."));
      return new Section("references", "Reference selectors", blocks);
    }
    truthRecovered(run).ifPresent(r -> blocks.add(new Block.Paragraph(r.describe())));
    Optional<Stat> head = pull.bestOfN(Reward.MIXED, "truthful_rate", focus.low(), focus.n());
    Map<String, Stat> nulls = new LinkedHashMap<>();
    for (Reward reward : pull.references()) {
      if (reward != Reward.ORACLE) {
        pull.bestOfN(reward, "truthful_rate", focus.low(), focus.n())
            .ifPresent(stat -> nulls.put(reward.id(), stat));
      }
    }
    if (head.isPresent() && !nulls.isEmpty()) {
      String setting = "best-of-" + focus.n() + " at λ = " + Numbers.grid(focus.low());
      blocks.add(new Block.Paragraph(NullComparison.describe(setting, head.get(), nulls)));
    }
    List<String> header = new ArrayList<>(List.of("reward", "in place of z_G"));
    focus.lambdas().forEach(lambda -> header.add("truthful, λ = " + Numbers.grid(lambda)));
    header.add("regressive, λ = " + Numbers.grid(focus.low()));
    header.add("progressive, λ = " + Numbers.grid(focus.low()));
    List<List<String>> rows = new ArrayList<>();
    List<Reward> rewards = new ArrayList<>(List.of(Reward.MIXED));
    rewards.addAll(pull.references());
    for (Reward reward : rewards) {
      List<String> row = new ArrayList<>(List.of(reward.id(), meaning(reward)));
      for (double lambda : focus.lambdas()) {
        row.add(cell(pull, reward, "truthful_rate", lambda, focus.n()));
      }
      row.add(cell(pull, reward, "regressive_rate", focus.low(), focus.n()));
      row.add(cell(pull, reward, "progressive_rate", focus.low(), focus.n()));
      rows.add(row);
    }
    blocks.add(
        new Block.DataTable(
            "best-of-"
                + focus.n()
                + ", all pools, r_λ = λ·z_A + (1−λ)·z_ref with the learned agreeable head ("
                + run.seeds().describe()
                + "; each reference in every seed's grounded place, so λ = 1 is the same for all; "
                + Numbers.intervals(pull.hasIntervals())
                + "). Regressive: agreeing where the user is wrong; progressive: accepting where"
                + " the user is right, which is not sycophancy; "
                + BreakdownSection.UNDEFINED
                + " without such pools.",
            header,
            rows));
    return new Section("references", "Reference selectors", blocks);
  }

  private static String meaning(Reward reward) {
    return switch (reward) {
      case MIXED -> "the learned grounded head";
      case ORACLE -> "the truthful flag (a perfect grounded reward)";
      case AGREE -> "agrees with the user";
      case DISAGREE -> "contradicts the user";
      case LONGEST -> "response length";
    };
  }

  private static String cell(PullCsv pull, Reward reward, String metric, double lambda, int n) {
    return pull.bestOfN(reward, metric, lambda, n)
        .map(Numbers::rate)
        .orElse(BreakdownSection.UNDEFINED);
  }

  /** The heads' and the oracle's truth at λ = 0 and the largest n, against π₀'s. */
  static Optional<TruthRecovered> truthRecovered(PullOutputs run) {
    PullCsv pull = run.pull();
    int n = pull.ns().get(pull.ns().size() - 1);
    double low = pull.lambdas().get(0);
    Optional<Stat> head = pull.bestOfN(Reward.MIXED, "truthful_rate", low, n);
    Optional<Stat> oracle = pull.bestOfN(Reward.ORACLE, "truthful_rate", low, n);
    Optional<Double> reference = Optional.empty();
    for (Row row : run.lambdaStar()) {
      if (row.getString("family").equals(PullCsv.ALL)
          && row.getString("domain").equals(PullCsv.ALL)) {
        reference = Optional.of(row.getDouble("reference_truthful_rate"));
        break;
      }
    }
    if (head.isEmpty() || oracle.isEmpty() || reference.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TruthRecovered(n, head.get().value(), oracle.get().value(), reference.get()));
  }
}
