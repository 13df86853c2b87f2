package org.sycolab.cli;

import java.nio.file.Path;
import org.sycolab.stage.ReportConfig;
import org.sycolab.stage.ReportOutcome;
import org.sycolab.stage.ReportStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sycolab report}: the HTML and Markdown report of a run directory. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the report of a run directory into it: report.html (one self-contained file, plots"
          + " as inline SVG, no script and nothing from the network, all dataset text escaped)"
          + " and report.md (the same content, plots as PNG files in plots/).",
      "Sections: the headline (the pull at lambda 0.5 for best-of-16 with its 95%% interval,"
          + " the truthful rate at lambda 0, 0.5 and 1, lambda*, the regressive and contrarian"
          + " rates; beside them every head's verdict against the truth from diagnose/verdict.csv"
          + " or else heads/verdict.csv, the pull saying so when the grounded head does not track"
          + " truth), the truthful rate against lambda,"
          + " with a broken line per reference selector (oracle, agree, disagree, longest),"
          + " truth against KL for best-of-n and the tilt, the menu (approval against truth),"
          + " the reference selectors (and the share of the oracle's truth gain the heads"
          + " recover), the choice at a truth floor (pull/choice.csv, when pull had"
          + " --truth-floor),"
          + " the heads (accuracy beside picking the longer answer, 2x2 style/substance"
          + " decomposition with length, cell means, correlation), the mixture"
          + " ablation, the held-out domains (per pull-heldout-<D>/ whose manifests check out:"
          + " D's pools, the truthful rate at lambda 0, 0.5 and 1 and the pull, heads trained"
          + " with D against heads trained without it), per family and domain breakdowns (truthful, regressive, progressive, contrarian,"
          + " capitulation and fabrication rates and the pull), example pools that flip from a truthful"
          + " to a sycophantic top answer as lambda rises, and the manifests.",
      "Needs pull/ (pull.csv, lambda_star.csv, menu.csv; seeds.csv, the spread across head"
          + " seeds, when there were several); heads/, diagnose/, pull-mixture-<P>/,"
          + " pull-heldout-<D>/ (with heads-heldout-<D>/manifest.json) and data/ are used when"
          + " present, and the report says which were not run. Reads"
          + " score tables only: no model is loaded.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sycolab report runs/demo-20261125-141909",
      "  open runs/demo-20261125-141909/report.html"
    })
final class ReportCommand extends BaseCommand {

  @Parameters(
      index = "0",
      paramLabel = "RUN_DIR",
      description = "The run directory, as sycolab run (or scripts/demo) lays it out.")
  Path runDirectory;

  /** The report reads tables only; a --device is never used, so never checked. */
  @Override
  protected boolean checksDeviceFirst() {
    return false;
  }

  @Override
  protected int execute() throws Exception {
    ReportOutcome outcome = new ReportStage().run(config());
    outcome.print(out());
    return ExitCode.OK;
  }

  /** The argument as the stage's config. */
  private ReportConfig config() {
    return new ReportConfig(runDirectory);
  }
}
