package org.sycolab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Draws a chart as an SVG element to inline in HTML, or as PNG bytes for a file. */
public final class ChartImages {

  private ChartImages() {}

  /**
   * The chart as an {@code <svg>} element of class {@code plot}, labelled with its title for screen
   * readers, without the XML prolog and document type. Its text is drawn as outlines, so no font is
   * needed to show it. Every id in it, and every reference to one, starts with {@code idPrefix}, so
   * that several charts on one page never share an id.
   */
  public static String svg(Chart<?, ?> chart, String idPrefix) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    String document = out.toString(StandardCharsets.UTF_8);
    int start = document.indexOf("<svg");
    if (start < 0) {
      throw new IOException("the SVG encoder wrote no <svg> element");
    }
    String element =
        document
            .substring(start + "<svg".length())
            .strip()
            .replace("id=\"", "id=\"" + idPrefix + "-")
            .replace("url(#", "url(#" + idPrefix + "-")
            .replace("href=\"#", "href=\"#" + idPrefix + "-");
    // The encoder's element already carries its viewBox; the class lets CSS scale it.
    return "<svg class=\"plot\" role=\"img\" aria-label=\""
        + HtmlRenderer.escape(chart.getTitle())
        + "\" "
        + element;
  }

  /** The chart as a PNG image. */
  public static byte[] png(Chart<?, ?> chart) throws IOException {
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }
}
