package org.sycolab.report;

import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/** A piece of a section: a paragraph, a table or a figure. Texts are plain, escaped on output. */
public sealed interface Block {

  /** A paragraph of plain text. */
  record Paragraph(String text) implements Block {}

  /**
   * A table of plain-text cells.
   *
   * @param caption what the table shows, above it
   * @param header column names
   * @param rows cells, each row as long as the header
   */
  record DataTable(String caption, List<String> header, List<List<String>> rows) implements Block {

    /** Copies the lists and checks every row's width. */
    public DataTable {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(
              caption + ": a row of " + row.size() + " cells under " + header.size() + " columns");
        }
      }
    }
  }

  /**
   * A plot.
   *
   * @param name file name stem for its image, e.g. {@code truth-vs-lambda}
   * @param caption what it shows and how to read it, below it
   * @param chart the chart, drawn by {@link ChartImages}
   */
  record Figure(String name, String caption, Chart<?, ?> chart) implements Block {}
}
