package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Row;

/**
 * The headline: the pull at λ = ½ for best-of-16 with its interval, what it may be read as given
 * the grounded head's verdict, the truthful rate at both ends of λ, and λ*, over all pools; then
 * every head's verdict with its rule.
 */
final class HeadlineSection {

  private HeadlineSection() {}

  static Section build(PullOutputs run) throws InvalidRunException {
    Focus focus = run.focus();
    PullCsv pull = run.pull();
    HeadSeeds seeds = run.seeds();
    int n = focus.n();
    Stat pullMiddle = require(pull, "pull", focus.middle(), n);
    Stat truthLow = require(pull, "truthful_rate", focus.low(), n);
    Stat truthMiddle = require(pull, "truthful_rate", focus.middle(), n);
    Stat truthHigh = require(pull, "truthful_rate", focus.high(), n);
    Tipping star = tipping(run, n);
    double lambdaStar = star.lambdaStar();
    Optional<VerdictCsv> verdicts = VerdictCsv.read(run.runDirectory());

    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            String.format(
                Locale.ROOT,
                "Best-of-%d over all pools: weighting approval at λ = %s %s percentage points%s%s"
                    + " %s, from %s at λ = %s to %s at λ = %s (%s at λ = %s); π₀ alone is truthful"
                    + " %s of the time. %s",
                n,
                Numbers.grid(focus.middle()),
                movement(pullMiddle),
                noChangeNote(pullMiddle),
                seedNote(seeds, focus.middle(), n),
                HeadlineVerdict.pullNote(VerdictCsv.readEverySeed(run.runDirectory())),
                Numbers.rate(truthLow.value()),
                Numbers.grid(focus.low()),
                Numbers.rate(truthMiddle.value()),
                Numbers.grid(focus.middle()),
                Numbers.rate(truthHigh.value()),
                Numbers.grid(focus.high()),
                Numbers.rate(star.reference()),
                Double.isNaN(lambdaStar)
                    ? "The truthful rate never falls below π₀'s on this grid (no λ*)."
                    : "It first falls below π₀'s at λ* = " + Numbers.grid(lambdaStar) + ".")));
    blocks.addAll(HeadlineVerdict.blocks(verdicts));
    blocks.add(
        new Block.Paragraph(
            focus.substitutions().isEmpty()
                ? "Read at n = 16 and λ = 0, 0.5 and 1, all on the sweep's grid."
                : "The sweep's grid lacks some of n = 16 and λ = 0, 0.5, 1; its nearest values are"
                    + " used: "
                    + String.join("; ", focus.substitutions())
                    + "."));
    boolean spread = seeds.count() >= 2;
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        row(
            spread,
            "pull at λ = " + Numbers.grid(focus.middle()) + " (points)",
            Numbers.points(pullMiddle),
            Numbers.fixed(seeds.sd("pull", focus.middle(), n), 1)));
    for (double lambda : focus.lambdas()) {
      rows.add(
          row(
              spread,
              "truthful rate at λ = " + Numbers.grid(lambda),
              Numbers.rate(require(pull, "truthful_rate", lambda, n)),
              Numbers.rate(seeds.sd("truthful_rate", lambda, n))));
    }
    String reference =
        pull.bestOfN("truthful_rate", focus.low(), 1)
            .map(Numbers::rate)
            .orElse(Numbers.rate(star.reference()));
    rows.add(row(spread, "truthful rate under π₀", reference, ""));
    rows.add(
        row(
            spread,
            "λ* (first λ below π₀)",
            lambdaStar(star.lambdaStar(), star.lo(), star.hi()),
            ""));
    List<String> header =
        spread
            ? List.of("quantity", "value", "sd across " + seeds.count() + " head seeds")
            : List.of("quantity", "value");
    blocks.add(
        new Block.DataTable(
            "best-of-"
                + n
                + ", all pools, "
                + seeds.describe()
                + " ("
                + Numbers.intervals(pull.hasIntervals())
                + ")",
            header,
            rows));
    blocks.add(failures(pull, focus, seeds));
    return new Section("headline", "Headline", blocks);
  }

  /**
   * The regressive and contrarian rates at the three λ: agreeing where the premise is false,
   * disagreeing where it is true.
   */
  private static Block failures(PullCsv pull, Focus focus, HeadSeeds seeds) {
    List<String> header = new ArrayList<>(List.of("rate"));
    focus.lambdas().forEach(lambda -> header.add("λ = " + Numbers.grid(lambda)));
    List<List<String>> rows = new ArrayList<>();
    for (String metric : List.of("regressive_rate", "contrarian_rate")) {
      List<String> row = new ArrayList<>(List.of(metric.replace("_rate", " rate")));
      for (double lambda : focus.lambdas()) {
        String sd = Numbers.rate(seeds.sd(metric, lambda, focus.n()));
        row.add(
            pull.bestOfN(metric, lambda, focus.n())
                .map(stat -> Numbers.rate(stat) + (sd.isEmpty() ? "" : ", sd " + sd))
                .orElse(BreakdownSection.UNDEFINED));
      }
      rows.add(row);
    }
    return new Block.DataTable(
        "best-of-"
            + focus.n()
            + ", "
            + seeds.describe()
            + ": regressive is agreeing with the user where the user is wrong (premise-false"
            + " pools; accepting a user who is right is not sycophancy), contrarian is"
            + " disagreeing where the user is right (premise-true pools) ("
            + BreakdownSection.UNDEFINED
            + " without such pools; "
            + Numbers.intervals(pull.hasIntervals())
            + (seeds.count() >= 2 ? ", then the sd across head seeds" : "")
            + ")",
        header,
        rows);
  }

  /**
   * What the pull does to the truthful rate, with its size and interval: "lowers the truthful rate
   * by 9.3 [0.4, 18.3]" for a positive pull, "raises … by" the negated one for a negative pull.
   */
  static String movement(Stat pull) {
    if (pull.value() < 0) {
      return "raises the truthful rate by "
          + Numbers.points(new Stat(-pull.value(), -pull.hi(), -pull.lo()));
    }
    return (pull.value() > 0 ? "lowers" : "changes")
        + " the truthful rate by "
        + Numbers.points(pull);
  }

  /**
   * ", an interval that includes no change" when the pull's interval includes 0, so that noise is
   * not read as a finding; empty otherwise.
   */
  static String noChangeNote(Stat pull) {
    return pull.hasInterval() && pull.lo() <= 0 && pull.hi() >= 0
        ? ", an interval that includes no change"
        : "";
  }

  /** ", sd 1.3 across 3 head seeds" for the pull at λ, or ", one head seed". */
  private static String seedNote(HeadSeeds seeds, double lambda, int n) {
    double sd = seeds.sd("pull", lambda, n);
    return Double.isNaN(sd)
        ? ", " + seeds.describe()
        : ", sd " + Numbers.fixed(sd, 1) + " across " + seeds.count() + " head seeds";
  }

  /** A row of the headline table; the sd column only when there are several seeds. */
  private static List<String> row(boolean spread, String quantity, String value, String sd) {
    return spread ? List.of(quantity, value, sd) : List.of(quantity, value);
  }

  private static Stat require(PullCsv pull, String metric, double lambda, int n)
      throws InvalidRunException {
    Optional<Stat> stat = pull.bestOfN(metric, lambda, n);
    if (stat.isEmpty()) {
      throw new InvalidRunException(
          pull.file()
              + ": no row for "
              + metric
              + " at lambda "
              + Numbers.grid(lambda)
              + ", n "
              + n
              + ", family all, domain all");
    }
    return stat.get();
  }

  /** A row of lambda_star.csv: π₀'s truthful rate and λ* with its interval. */
  private record Tipping(double reference, double lambdaStar, double lo, double hi) {}

  private static Tipping tipping(PullOutputs run, int n) throws InvalidRunException {
    for (Row row : run.lambdaStar()) {
      if (row.getString("selection").equals("best_of_n")
          && !row.isMissing("n")
          && row.getInt("n") == n
          && row.getString("family").equals(PullCsv.ALL)
          && row.getString("domain").equals(PullCsv.ALL)) {
        return new Tipping(
            row.getDouble("reference_truthful_rate"),
            row.getDouble("lambda_star"),
            row.getDouble("lo"),
            row.getDouble("hi"));
      }
    }
    throw new InvalidRunException(
        new RunLayout(run.runDirectory()).pull().resolve(RunLayout.LAMBDA_STAR_FILE)
            + ": no row for best_of_n, n "
            + n
            + ", family all, domain all");
  }

  /**
   * λ* with its interval, an end that never tips reading "never": {@code 0.6 [0.5, 0.7]}, {@code
   * 0.6 [0.5 to never, within the grid]}, {@code none on the grid [0.9 to never, within the grid]};
   * without a bootstrap, λ* alone.
   */
  static String lambdaStar(double value, double lo, double hi) {
    String star = Double.isNaN(value) ? "none on the grid" : Numbers.grid(value);
    if (Double.isNaN(lo)) {
      return star;
    }
    return star
        + " ["
        + Numbers.grid(lo)
        + (Double.isNaN(hi) ? " to never, within the grid" : ", " + Numbers.grid(hi))
        + "]";
  }
}
