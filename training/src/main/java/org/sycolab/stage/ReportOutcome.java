package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.sycolab.report.Report;

/**
 * What {@link ReportStage} wrote.
 *
 * @param report the report's content
 * @param html the self-contained HTML report
 * @param markdown the Markdown report
 * @param plots the directory of the Markdown report's images
 */
public record ReportOutcome(Report report, Path html, Path markdown, Path plots)
    implements StageOutcome {

  /** Where each report went, the Markdown report's images beside it. */
  @Override
  public void print(PrintWriter out) {
    out.println("wrote " + html);
    out.println("wrote " + markdown + " (plots in " + plots + ")");
  }
}
