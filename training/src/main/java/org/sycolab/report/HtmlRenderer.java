package org.sycolab.report;

import java.io.IOException;

/**
 * Lays a {@link Report} out as one self-contained HTML page: inline CSS, plots as inline SVG, no
 * script and nothing fetched from anywhere. Every text is escaped, and may break anywhere: one long
 * unbroken string (a path, a hash, a domain name) wraps instead of widening the page, and a table
 * too wide for the page scrolls inside its own box.
 */
public final class HtmlRenderer {

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:72rem;\
      margin:2rem auto;padding:0 1.5rem;color:#1b1b1b;line-height:1.45;overflow-wrap:anywhere}
      h1{font-size:1.7rem;margin-bottom:.3rem}h2{margin-top:2.4rem;border-bottom:1px solid #ccc;\
      padding-bottom:.2rem}
      nav ol{columns:2;padding-left:1.4rem}
      div.table{max-width:100%;overflow-x:auto}
      table{border-collapse:collapse;margin:.2rem 0 1.2rem;font-size:.9rem}
      p.caption{font-weight:600;margin:1.2rem 0 .2rem;max-width:50rem}
      th,td{border:1px solid #d0d0d0;padding:.25rem .5rem;vertical-align:top;text-align:left;\
      white-space:pre-wrap}
      th{background:#f2f2f2}tbody tr:nth-child(even){background:#fafafa}
      figure{margin:1rem 0 1.6rem}figcaption{font-size:.9rem;color:#444;max-width:50rem}
      svg.plot{width:100%;max-width:760px;height:auto;display:block}
      """;

  private HtmlRenderer() {}

  /** The whole page. */
  public static String render(Report report) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>")
        .append(escape(report.title()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(report.title()))
        .append("</h1>\n");
    for (Block block : report.intro()) {
      block(html, block);
    }
    html.append("<nav><ol>\n");
    for (Section section : report.sections()) {
      html.append("<li><a href=\"#")
          .append(escape(section.id()))
          .append("\">")
          .append(escape(section.title()))
          .append("</a></li>\n");
    }
    html.append("</ol></nav>\n");
    for (Section section : report.sections()) {
      html.append("<section id=\"")
          .append(escape(section.id()))
          .append("\">\n<h2>")
          .append(escape(section.title()))
          .append("</h2>\n");
      for (Block block : section.blocks()) {
        block(html, block);
      }
      html.append("</section>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void block(StringBuilder html, Block block) throws IOException {
    if (block instanceof Block.Paragraph paragraph) {
      html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
    } else if (block instanceof Block.DataTable table) {
      html.append("<p class=\"caption\">")
          .append(escape(table.caption()))
          .append("</p>\n<div class=\"table\"><table>\n");
      html.append("<thead><tr>");
      for (String name : table.header()) {
        html.append("<th>").append(escape(name)).append("</th>");
      }
      html.append("</tr></thead>\n<tbody>\n");
      for (var row : table.rows()) {
        html.append("<tr>");
        for (String cell : row) {
          html.append("<td>").append(escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</tbody>\n</table></div>\n");
    } else if (block instanceof Block.Figure figure) {
      html.append("<figure>\n")
          .append(ChartImages.svg(figure.chart(), "figure-" + figure.name()))
          .append("\n<figcaption>")
          .append(escape(figure.caption()))
          .append("</figcaption>\n</figure>\n");
    }
  }

  /** Text made safe for element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
