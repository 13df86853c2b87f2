package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.run.RunLayout;

/** Builds the report of a run directory: every section it can, and what was not run. */
public final class RunReport {

  private RunReport() {}

  /**
   * Reads the run and assembles its report. Nothing is written.
   *
   * @throws InvalidRunException when {@link RunLayout#PULL} or any file read is missing what the
   *     report needs, naming the file
   */
  public static Report build(Path runDirectory) throws InvalidRunException {
    if (!Files.isDirectory(runDirectory)) {
      throw new InvalidRunException(runDirectory + ": no such directory");
    }
    PullOutputs run = PullOutputs.read(runDirectory);
    List<Section> sections =
        new ArrayList<>(
            List.of(
                HeadlineSection.build(run),
                TruthSection.build(run),
                KlSection.build(run),
                MenuSection.build(run),
                ReferenceSection.build(run),
                ChoiceSection.build(run),
                HeadsSection.build(runDirectory)));
    // The audited reward model, when the run has one, beside the trained heads.
    AuditSection.build(runDirectory, run).ifPresent(sections::add);
    sections.addAll(
        List.of(
            MixtureSection.build(runDirectory),
            HeldoutSection.build(run),
            BreakdownSection.build(run),
            FlipsSection.build(run),
            ManifestSection.build(runDirectory)));
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
    RunLayout run = new RunLayout(runDirectory);
    if (!Files.isRegularFile(run.heads().resolve(RunLayout.HEADS_FILE))) {
      missing.add("training summary (" + RunLayout.HEADS + "/" + RunLayout.HEADS_FILE + ")");
    }
    if (!Files.isRegularFile(run.diagnose().resolve(RunLayout.ACCURACY_FILE))) {
      missing.add("head diagnostics (" + RunLayout.DIAGNOSE + "/)");
    }
    if (SweepDirectories.named(runDirectory, RunLayout.MIXTURE_PULL_PREFIX).isEmpty()) {
      missing.add("mixture ablation (" + RunLayout.MIXTURE_PULL_PREFIX + "<P>/)");
    }
    if (SweepDirectories.named(runDirectory, RunLayout.HELDOUT_PULL_PREFIX).isEmpty()) {
      missing.add("held-out-domain ablation (" + RunLayout.HELDOUT_PULL_PREFIX + "<D>/)");
    }
    if (!Files.isRegularFile(run.pools())) {
      missing.add("example pools (" + RunLayout.DATA + "/" + RunLayout.POOLS_FILE + ")");
    }
    return missing;
  }
}
