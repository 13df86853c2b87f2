package org.sycolab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.sycolab.run.RunLayout;

/**
 * The mixture ablation: for each mixture head's pull ({@link RunLayout#mixturePull}), selection by
 * the mixture head alone (its largest λ, 1) — the truthful rate against the fraction P of conflict
 * prompts that gave their agreeable pairs, one line per n.
 */
final class MixtureSection {

  private MixtureSection() {}

  static Section build(Path runDirectory) throws InvalidRunException {
    TreeMap<Double, PullCsv> runs = new TreeMap<>();
    List<HeadSeeds> seeds = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    for (Path dir : SweepDirectories.named(runDirectory, RunLayout.MIXTURE_PULL_PREFIX)) {
      String name = dir.getFileName().toString();
      Optional<Double> fraction = fraction(name.substring(RunLayout.MIXTURE_PULL_PREFIX.length()));
      if (fraction.isEmpty()) {
        skipped.add(name);
        continue;
      }
      Optional<String> reason = SweepDirectories.notRun(dir);
      if (reason.isPresent()) {
        notRun.add(reason.get());
        continue;
      }
      runs.put(fraction.get(), PullCsv.read(dir.resolve(RunLayout.PULL_FILE)));
      seeds.add(HeadSeeds.read(dir));
    }
    List<Block> blocks = new ArrayList<>();
    if (!skipped.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "Ignored (the name does not end in a fraction between 0 and 1): "
                  + String.join(", ", skipped)
                  + "."));
    }
    if (!notRun.isEmpty()) {
      blocks.add(new Block.Paragraph("Not run, so left out: " + String.join("; ", notRun) + "."));
    }
    if (runs.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              "Mixture ablation not run: no complete "
                  + RunLayout.MIXTURE_PULL_PREFIX
                  + "<P>/ sweeps (sycolab train --label"
                  + " mixture:P, then sycolab pull --agreeable <mixture heads> --grounded"
                  + " <grounded heads> --lambda 0,1 --out RUN_DIR/"
                  + RunLayout.MIXTURE_PULL_PREFIX
                  + "P)."));
      return new Section("mixture", "Mixture ablation", blocks);
    }
    List<Integer> ns = runs.firstEntry().getValue().ns();
    XYChart chart =
        Charts.lines(
            "Truthful rate of selection by the mixture head",
            "P (share of conflict prompts labelled agreeable)",
            "truthful rate");
    boolean bands = false;
    for (int i = 0; i < ns.size(); i++) {
      int n = ns.get(i);
      List<Double> x = new ArrayList<>();
      List<Stat> stats = new ArrayList<>();
      runs.forEach(
          (p, pull) ->
              selectedByMixture(pull, n)
                  .ifPresent(
                      stat -> {
                        x.add(p);
                        stats.add(stat);
                      }));
      if (!x.isEmpty()) {
        bands |= Charts.lineWithBand(chart, "n = " + n, x, stats, i);
      }
    }
    List<String> header = new ArrayList<>(List.of("P", "λ"));
    ns.forEach(n -> header.add("n = " + n));
    List<List<String>> rows = new ArrayList<>();
    runs.forEach(
        (p, pull) -> {
          List<String> row = new ArrayList<>();
          row.add(Numbers.grid(p));
          row.add(Numbers.grid(top(pull)));
          ns.forEach(n -> row.add(selectedByMixture(pull, n).map(Numbers::rate).orElse("")));
          rows.add(row);
        });
    blocks.add(
        new Block.Figure(
            "mixture",
            "Each P is a popular-vote reward: a single head trained on every prompt, of which a"
                + " share P gave their agreeable pairs (on control prompts both labels agree, so P"
                + " decides on conflict prompts). The truthful rate is that of best-of-n"
                + " under the mixture head alone (λ = 1 of pull-mixture-P), one line per n; "
                + (bands
                    ? "dotted lines bound the 95% bootstrap interval over pools."
                    : "no bootstrap, so no intervals.")
                + " All pools, "
                + HeadSeeds.describe(seeds)
                + ".",
            chart));
    blocks.add(
        new Block.DataTable(
            "truthful rate of best-of-n under the mixture head alone, all pools, "
                + HeadSeeds.describe(seeds)
                + " ("
                + Numbers.intervals(runs.values().stream().anyMatch(PullCsv::hasIntervals))
                + ")",
            header,
            rows));
    return new Section("mixture", "Mixture ablation", blocks);
  }

  /** The largest λ of a mixture sweep: 1, selection by the mixture head alone. */
  private static double top(PullCsv pull) {
    return pull.lambdas().get(pull.lambdas().size() - 1);
  }

  private static Optional<Stat> selectedByMixture(PullCsv pull, int n) {
    return pull.bestOfN("truthful_rate", top(pull), n);
  }

  private static Optional<Double> fraction(String text) {
    try {
      double value = Double.parseDouble(text);
      return value >= 0 && value <= 1 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
