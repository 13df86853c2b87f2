package org.sycolab.report;

import java.util.List;

/**
 * One section of a report.
 *
 * @param id a short anchor, letters, digits and dashes
 * @param title the heading
 * @param blocks paragraphs, tables and figures, in order
 */
public record Section(String id, String title, List<Block> blocks) {

  /** Copies the list. */
  public Section {
    blocks = List.copyOf(blocks);
  }
}
