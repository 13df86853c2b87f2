package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sycolab.io.AtomicFiles;

/**
 * Writes a report into its run directory: {@code report.html} (self-contained), {@code report.md}
 * and its images under {@code plots/}. Each file is written atomically, the Markdown last, so it
 * never links to a plot that is not there yet; then the images of figures an earlier report drew
 * and this one does not are removed. Other files in {@code plots/} are left alone.
 */
public final class ReportWriter {

  /** The directory of the Markdown report's images, relative to the run directory. */
  public static final String PLOTS = "plots";

  /** The name of every figure a report may draw: the images in plots/ that the report owns. */
  static final Set<String> FIGURES =
      Set.of("truth-vs-lambda", "truth-vs-kl", "menu", "mixture", "heldout-domains", "by-family");

  /** The HTML report's file name in the run directory. */
  public static final String HTML = "report.html";

  /** The Markdown report's file name in the run directory. */
  public static final String MARKDOWN = "report.md";

  private ReportWriter() {}

  /** The report's files in {@code runDirectory} as written: both reports and the figures. */
  public static List<Path> files(Path runDirectory) {
    List<Path> files = new ArrayList<>();
    files.add(runDirectory.resolve(HTML));
    files.add(runDirectory.resolve(MARKDOWN));
    FIGURES.stream()
        .sorted()
        .map(f -> runDirectory.resolve(PLOTS).resolve(f + ".png"))
        .forEach(files::add);
    return files.stream().filter(Files::isRegularFile).toList();
  }

  /** Renders {@code report} in both formats and writes it into {@code runDirectory}. */
  public static void write(Report report, Path runDirectory) throws IOException {
    String html = HtmlRenderer.render(report);
    MarkdownRenderer.Rendered markdown = MarkdownRenderer.render(report, PLOTS);
    Path plots = runDirectory.resolve(PLOTS);
    Files.createDirectories(plots);
    for (Map.Entry<String, byte[]> image : markdown.images().entrySet()) {
      AtomicFiles.writeBytes(plots.resolve(image.getKey()), image.getValue());
    }
    AtomicFiles.writeString(runDirectory.resolve(HTML), html);
    AtomicFiles.writeString(runDirectory.resolve(MARKDOWN), markdown.markdown());
    for (String figure : FIGURES) {
      String file = figure + ".png";
      if (!markdown.images().containsKey(file)) {
        Files.deleteIfExists(plots.resolve(file));
      }
    }
  }
}
