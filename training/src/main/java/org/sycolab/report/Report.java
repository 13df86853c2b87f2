package org.sycolab.report;

import java.util.List;

/**
 * The content of a run's report, independent of its format: a title, a few lines under it, and
 * sections in reading order. {@link HtmlRenderer} and {@link MarkdownRenderer} lay it out.
 *
 * @param title the report's heading
 * @param intro paragraphs under the title
 * @param sections the sections, in order
 */
public record Report(String title, List<Block> intro, List<Section> sections) {

  /** Copies the lists. */
  public Report {
    intro = List.copyOf(intro);
    sections = List.copyOf(sections);
  }
}
