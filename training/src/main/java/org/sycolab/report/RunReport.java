package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the report of a run directory: every section it can, and what was not run. */
public final class RunReport {

  private RunReport() {}

  /**
   * Reads the run and assembles its report. Nothing is written.
   *
   * @throws InvalidRunException when {@code pull/} or any file read is missing what the report
   *     needs, naming the file
   */
  public static Report build(Path runDirectory) throws InvalidRunException {
    if (!Files.isDirectory(runDirectory)) {
      throw new InvalidRunException(runDirectory + ": no such directory");
    }
    PullOutputs run = PullOutputs.read(runDirectory);
    List<Section> sections =
        List.of(
            HeadlineSection.build(run),
            TruthSection.build(run),
            KlSection.build(run),
            MenuSection.build(run),
            ReferenceSection.build(run),
            ChoiceSection.build(run),
            HeadsSection.build(runDirectory),
            MixtureSection.build(runDirectory),
            HeldoutSection.build(run),
            BreakdownSection.build(run),
            FlipsSection.build(run),
            ManifestSection.build(runDirectory));
    List<Block> intro = new ArrayList<>();
    intro.add(
        new Block.Paragraph(
            "How far approval-weighted reward r_λ = λ·z_A + (1−λ)·z_G pulls the answers that"
                + " best-of-n and the KL tilt select away from the truthful ones, measured exactly"
                + " on the candidate pools of run "
                + runDirectory.toAbsolutePath().normalize().getFileName()
                + "."));
    List<String> missing = notRun(runDirectory);
    intro.add(
        new Block.Paragraph(
            missing.isEmpty()
                ? "Every stage the report reads was run."
                : "Not run, so left out: " + String.join("; ", missing) + "."));
    return new Report(
        "sycolab report: " + runDirectory.toAbsolutePath().normalize().getFileName(),
        intro,
        sections);
  }

  private static List<String> notRun(Path runDirectory) throws InvalidRunException {
    List<String> missing = new ArrayList<>();
    if (!Files.isRegularFile(runDirectory.resolve("heads").resolve("heads.csv"))) {
      missing.add("training summary (heads/heads.csv)");
    }
    if (!Files.isRegularFile(runDirectory.resolve("diagnose").resolve("accuracy.csv"))) {
      missing.add("head diagnostics (diagnose/)");
    }
    if (SweepDirectories.named(runDirectory, MixtureSection.PREFIX).isEmpty()) {
      missing.add("mixture ablation (pull-mixture-<P>/)");
    }
    if (SweepDirectories.named(runDirectory, HeldoutSection.PREFIX).isEmpty()) {
      missing.add("held-out-domain ablation (pull-heldout-<D>/)");
    }
    if (!Files.isRegularFile(runDirectory.resolve("data").resolve("pools.jsonl"))) {
      missing.add("example pools (data/pools.jsonl)");
    }
    return missing;
  }
}
