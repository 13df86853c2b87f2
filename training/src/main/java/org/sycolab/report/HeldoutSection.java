package org.sycolab.report;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.sycolab.run.RunLayout;

/**
 * The held-out-domain ablation: for each held-out-domain sweep ({@link RunLayout#heldoutPull}),
 * scored by heads trained without any pair of domain D, the number of pools of D, the truthful rate
 * at λ = 0, ½ and 1 and the pull at λ = ½ on those pools, beside the same numbers from {@link
 * RunLayout#pull}, whose heads saw every domain.
 */
final class HeldoutSection {

  private static final String TITLE = "Held-out domains";

  private HeldoutSection() {}

  /** Below this many pools of a domain, the section says its intervals are too wide. */
  static final int FEW_POOLS = 20;

  /**
   * A held-out domain, the sweep scored by heads trained without it, its spread across head seeds,
   * and how many of the scored pools are of the domain (empty when the pools or scores file is
   * absent).
   */
  private record HeldOut(String domain, PullCsv pull, HeadSeeds seeds, Optional<Long> pools) {}

  static Section build(PullOutputs run) throws InvalidRunException {
    List<Path> directories =
        SweepDirectories.named(run.runDirectory(), RunLayout.HELDOUT_PULL_PREFIX);
    if (directories.isEmpty()) {
      return new Section(
          "heldout",
          TITLE,
          List.of(
              new Block.Paragraph(
                  "Held-out-domain ablation not run: no "
                      + RunLayout.HELDOUT_PULL_PREFIX
                      + "<D>/ directories. To run it,"
                      + " name the domains in the experiment file, heads: {heldout_domains:"
                      + " [units]}; sycolab run then trains heads without any pair of each domain"
                      + " (sycolab train --exclude-domains D) and sweeps the same pools with them"
                      + " into "
                      + RunLayout.HELDOUT_PULL_PREFIX
                      + "D/.")));
    }
    Optional<ScoredPools> scored = run.scored();
    List<HeldOut> compared = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    for (Path dir : directories) {
      String domain =
          dir.getFileName().toString().substring(RunLayout.HELDOUT_PULL_PREFIX.length());
      Optional<String> reason = SweepDirectories.notRun(dir);
      if (reason.isPresent()) {
        notRun.add(reason.get());
        continue;
      }
      PullCsv heldOut = PullCsv.read(dir.resolve(RunLayout.PULL_FILE));
      Optional<String> problem = HeldoutCheck.problem(run.runDirectory(), domain);
      if (!heldOut.domains().contains(domain)) {
        absent.add(heldOut.file() + " (no pools of domain " + domain + ")");
      } else if (!run.pull().domains().contains(domain)) {
        absent.add(run.pull().file() + " (no pools of domain " + domain + ")");
      } else if (problem.isPresent()) {
        unchecked.add(problem.get());
      } else {
        compared.add(
            new HeldOut(
                domain,
                heldOut,
                HeadSeeds.read(dir),
                scored.map(pools -> pools.countInDomain(domain))));
      }
    }
    List<Block> blocks = new ArrayList<>();
    if (!compared.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "Do heads that never saw a domain pull the same way on its pools as heads that did?"
                  + " Each held-out sweep scores the same pools on the same grid as pull/, with"
                  + " heads trained without any pair of that domain; only the pools of the"
                  + " held-out domain are compared. Checked against the manifests: each compared"
                  + " sweep has the split, reference, n and λ of pull/ and its pools file (same"
                  + " SHA-256), and heads-heldout-D/manifest.json lists D in excluded_domains."));
      blocks.add(chart(run, compared));
      blocks.add(table(run, compared));
      few(compared).ifPresent(blocks::add);
    }
    if (!absent.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "Left out, no rows for the held-out domain: " + String.join("; ", absent) + "."));
    }
    if (!notRun.isEmpty()) {
      blocks.add(new Block.Paragraph("Not run, so left out: " + String.join("; ", notRun) + "."));
    }
    if (!unchecked.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "Left out, the manifests do not show the same pools and grid as pull/ scored by"
                  + " heads trained without the domain: "
                  + String.join("; ", unchecked)
                  + "."));
    }
    return new Section("heldout", TITLE, blocks);
  }

  private static Block.DataTable table(PullOutputs run, List<HeldOut> compared) {
    Focus focus = run.focus();
    List<String> header =
        List.of(
            "domain",
            "heads",
            "pools",
            "truthful at λ = " + Numbers.grid(focus.low()),
            "truthful at λ = " + Numbers.grid(focus.middle()),
            "truthful at λ = " + Numbers.grid(focus.high()),
            "pull at λ = " + Numbers.grid(focus.middle()) + " (points)");
    List<List<String>> rows = new ArrayList<>();
    for (HeldOut heldOut : compared) {
      String domain = heldOut.domain();
      String pools = heldOut.pools().map(String::valueOf).orElse("");
      rows.add(row(focus, domain, "trained with " + domain, pools, run.pull()));
      rows.add(row(focus, domain, domain + " held out", pools, heldOut.pull()));
    }
    return new Block.DataTable(
        "best-of-"
            + focus.n()
            + " on the pools of each held-out domain: heads trained on every domain ("
            + RunLayout.PULL
            + "/) against heads trained without it ("
            + RunLayout.HELDOUT_PULL_PREFIX
            + "D/); "
            + seeds(run, compared)
            + "; "
            + Numbers.intervals(
                run.pull().hasIntervals()
                    || compared.stream().anyMatch(heldOut -> heldOut.pull().hasIntervals()))
            + ", empty where a sweep lacks the setting; pools: how many of the scored pools are"
            + " of the domain. "
            + Numbers.PULL_SIGN
            + ".",
        header,
        rows);
  }

  /**
   * The sentence that the comparison rests on too few pools, when some domain has fewer than 20.
   */
  private static Optional<Block> few(List<HeldOut> compared) {
    List<String> few =
        compared.stream()
            .filter(heldOut -> heldOut.pools().filter(count -> count < FEW_POOLS).isPresent())
            .map(heldOut -> heldOut.pools().get() + " pools of " + heldOut.domain())
            .toList();
    if (few.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Block.Paragraph(
            "Too few pools to conclude anything: "
                + String.join(", ", few)
                + " (fewer than "
                + FEW_POOLS
                + "), so the intervals are too wide to tell held-out heads from the others."));
  }

  /** How many head seeds the numbers are a mean over, for the captions. */
  private static String seeds(PullOutputs run, List<HeldOut> compared) {
    return RunLayout.PULL
        + "/: "
        + run.seeds().describe()
        + ", held out: "
        + HeadSeeds.describe(compared.stream().map(HeldOut::seeds).toList());
  }

  private static List<String> row(
      Focus focus, String domain, String heads, String pools, PullCsv pull) {
    return List.of(
        domain,
        heads,
        pools,
        stat(pull, "truthful_rate", focus.low(), focus.n(), domain).map(Numbers::rate).orElse(""),
        stat(pull, "truthful_rate", focus.middle(), focus.n(), domain)
            .map(Numbers::rate)
            .orElse(""),
        stat(pull, "truthful_rate", focus.high(), focus.n(), domain).map(Numbers::rate).orElse(""),
        stat(pull, "pull", focus.middle(), focus.n(), domain).map(Numbers::points).orElse(""));
  }

  /** A best-of-n statistic over the pools of {@code domain} (family all). */
  private static Optional<Stat> stat(
      PullCsv pull, String metric, double lambda, int n, String domain) {
    return pull.bestOfN(metric, lambda, n, PullCsv.ALL, domain);
  }

  private static Block.Figure chart(PullOutputs run, List<HeldOut> compared) {
    Focus focus = run.focus();
    XYChart chart =
        Charts.lines(
            "Truthful rate of best-of-" + focus.n() + " on held-out domains",
            "λ (weight of approval)",
            "truthful rate");
    for (int i = 0; i < compared.size(); i++) {
      String domain = compared.get(i).domain();
      curve(chart, domain + ", trained with", run.pull(), focus.n(), domain, i, Charts.SOLID);
      curve(
          chart,
          domain + ", held out",
          compared.get(i).pull(),
          focus.n(),
          domain,
          i,
          Charts.DASHED);
    }
    return new Block.Figure(
        "heldout-domains",
        "Truthful rate against λ on the pools of each held-out domain, one colour per domain:"
            + " solid, heads trained on every domain; dashed, heads trained without that domain; "
            + seeds(run, compared)
            + "."
            + " Intervals are in the table below.",
        chart);
  }

  private static void curve(
      XYChart chart,
      String name,
      PullCsv pull,
      int n,
      String domain,
      int colour,
      BasicStroke stroke) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (double lambda : pull.lambdas()) {
      stat(pull, "truthful_rate", lambda, n, domain)
          .ifPresent(
              stat -> {
                x.add(lambda);
                y.add(stat.value());
              });
    }
    if (!x.isEmpty()) {
      Charts.line(chart, name, x, y, colour, stroke);
    }
  }
}
