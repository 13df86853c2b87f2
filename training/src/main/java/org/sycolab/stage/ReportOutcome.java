package org.sycolab.stage;

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
public record ReportOutcome(Report report, Path html, Path markdown, Path plots) {}
