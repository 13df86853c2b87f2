package org.sycolab.stage;

import java.nio.file.Path;
import org.sycolab.report.Report;
import org.sycolab.report.ReportWriter;
import org.sycolab.report.RunReport;

/**
 * The report of a run directory, written into it: {@code report.html} (one self-contained file) and
 * {@code report.md} with its plots. It reads score tables only: no model, no device.
 */
public final class ReportStage {

  /** The stage's name: its command. */
  public static final String NAME = "report";

  /** A report stage; it needs no context, reading tables only. */
  public ReportStage() {}

  /** Builds the report of {@code config}'s run directory and writes it there. */
  public ReportOutcome run(ReportConfig config) throws Exception {
    Path dir = config.runDirectory();
    Report report = RunReport.build(dir);
    ReportWriter.write(report, dir);
    return new ReportOutcome(
        report,
        dir.resolve(ReportWriter.HTML),
        dir.resolve(ReportWriter.MARKDOWN),
        dir.resolve(ReportWriter.PLOTS));
  }
}
