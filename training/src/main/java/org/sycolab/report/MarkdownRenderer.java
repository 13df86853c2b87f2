package org.sycolab.report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lays a {@link Report} out as GitHub-flavoured Markdown, with each plot as a PNG file linked by a
 * relative path. Text is escaped so that nothing in it becomes markup, HTML or a table cell break.
 */
public final class MarkdownRenderer {

  /** The scheme of a bare web address, before its "://". */
  private static final Pattern SCHEME = Pattern.compile("(?i)\\b(https?):(?=//)");

  /** The "www." that starts a bare web address. */
  private static final Pattern WWW = Pattern.compile("(?i)\\b(www)\\.");

  private MarkdownRenderer() {}

  /**
   * The Markdown text and the images it links to.
   *
   * @param markdown the document
   * @param images file name (relative to the plot directory) → PNG bytes, in document order
   */
  public record Rendered(String markdown, Map<String, byte[]> images) {}

  /**
   * Renders the report.
   *
   * @param plotDirectory the directory of the images, relative to the Markdown file
   */
  public static Rendered render(Report report, String plotDirectory) throws IOException {
    StringBuilder md = new StringBuilder();
    Map<String, byte[]> images = new LinkedHashMap<>();
    md.append("# ").append(line(report.title())).append("\n\n");
    for (Block block : report.intro()) {
      block(md, block, plotDirectory, images);
    }
    for (Section section : report.sections()) {
      md.append("- [").append(line(section.title())).append("](#").append(section.id());
      md.append(")\n");
    }
    md.append('\n');
    for (Section section : report.sections()) {
      md.append("<a id=\"").append(section.id()).append("\"></a>\n\n");
      md.append("## ").append(line(section.title())).append("\n\n");
      for (Block block : section.blocks()) {
        block(md, block, plotDirectory, images);
      }
    }
    return new Rendered(md.toString(), images);
  }

  private static void block(
      StringBuilder md, Block block, String plotDirectory, Map<String, byte[]> images)
      throws IOException {
    if (block instanceof Block.Paragraph paragraph) {
      md.append(line(paragraph.text())).append("\n\n");
    } else if (block instanceof Block.DataTable table) {
      md.append("**").append(line(table.caption())).append("**\n\n");
      row(md, table.header());
      md.append('|');
      md.append(" --- |".repeat(table.header().size()));
      md.append('\n');
      for (var cells : table.rows()) {
        row(md, cells);
      }
      md.append('\n');
    } else if (block instanceof Block.Figure figure) {
      String file = figure.name() + ".png";
      if (images.put(file, ChartImages.png(figure.chart())) != null) {
        throw new IllegalArgumentException("two figures are named " + figure.name());
      }
      md.append("![")
          .append(line(figure.name()))
          .append("](")
          .append(plotDirectory)
          .append('/')
          .append(file)
          .append(")\n\n*")
          .append(line(figure.caption()))
          .append("*\n\n");
    }
  }

  private static void row(StringBuilder md, List<String> cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell(cell)).append(" |");
    }
    md.append('\n');
  }

  /**
   * A paragraph or caption: inline text on one line, its line breaks spaces, so that text from a
   * dataset cannot start a heading, list or other block.
   */
  static String line(String text) {
    return inline(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
  }

  /** A table cell: inline text whose line breaks become {@code <br>}. */
  static String cell(String text) {
    return inline(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>");
  }

  /**
   * Inline text: HTML's special characters as entities, Markdown's punctuation (pipes,
   * strikethrough tildes and math dollars included) behind a backslash, and bare web addresses
   * broken ({@code https\://}, {@code www\.}) so that GitHub does not make them links.
   */
  static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '~', '$' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    String escaped = SCHEME.matcher(out).replaceAll("$1\\\\:");
    return WWW.matcher(escaped).replaceAll("$1\\\\.");
  }
}
