package org.sycolab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's chart styles: line and scatter charts over numbers, grouped bars over categories,
 * one palette, white background, legend outside the plot.
 */
final class Charts {

  static {
    // Charts are drawn off screen: no display is needed or wanted.
    System.setProperty("java.awt.headless", "true");
  }

  private static final int WIDTH = 760;
  private static final int HEIGHT = 440;

  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0x9467bd),
    new Color(0xff7f0e),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0x17becf),
    new Color(0xbcbd22)
  };

  static final BasicStroke SOLID = new BasicStroke(2f);
  static final BasicStroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  /** Broken strokes for the reference selectors, one pattern each, distinct from DASHED. */
  private static final BasicStroke[] REFERENCE_STROKES = {
    new BasicStroke(
        2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 4f}, 0f),
    new BasicStroke(
        2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f),
    new BasicStroke(
        2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 3f, 2f, 3f}, 0f),
    new BasicStroke(
        2f,
        BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER,
        10f,
        new float[] {8f, 3f, 2f, 3f, 2f, 3f},
        0f)
  };

  private static final BasicStroke THIN_DOTTED =
      new BasicStroke(
          1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);

  private Charts() {}

  /** The i-th colour of the palette, cycling. */
  private static Color colour(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** An empty line chart with the report's style. */
  static XYChart lines(String title, String xTitle, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    style(chart.getStyler());
    chart.getStyler().setMarkerSize(6);
    return chart;
  }

  /** Adds a line with round markers in colour {@code i}, drawn with {@code stroke}. */
  static void line(
      XYChart chart, String name, List<Double> x, List<Double> y, int i, BasicStroke stroke) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setLineColor(colour(i));
    series.setMarkerColor(colour(i));
    series.setLineStyle(stroke);
    series.setMarker(SeriesMarkers.CIRCLE);
  }

  /** The stroke of the i-th reference selector's line: a broken pattern of its own. */
  static BasicStroke referenceStroke(int i) {
    return REFERENCE_STROKES[i % REFERENCE_STROKES.length];
  }

  private static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(0xdddddd));
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendBorderColor(Color.WHITE);
  }

  /**
   * Adds a line of {@code stats} at {@code x} in colour {@code i} and, when every stat has its
   * interval, the interval's ends as two thin dotted lines of the same colour, left out of the
   * legend: a band that leaves the lines under it readable.
   *
   * @return whether the band was drawn
   */
  static boolean lineWithBand(XYChart chart, String name, List<Double> x, List<Stat> stats, int i) {
    line(chart, name, x, stats.stream().map(Stat::value).toList(), i, SOLID);
    if (!stats.stream().allMatch(Stat::hasInterval)) {
      return false;
    }
    intervalEnd(chart, name + " lo", x, stats.stream().map(Stat::lo).toList(), i);
    intervalEnd(chart, name + " hi", x, stats.stream().map(Stat::hi).toList(), i);
    return true;
  }

  private static void intervalEnd(
      XYChart chart, String name, List<Double> x, List<Double> y, int i) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setLineColor(colour(i));
    series.setLineStyle(THIN_DOTTED);
    series.setMarker(SeriesMarkers.NONE);
    series.setShowInLegend(false);
  }

  /** An empty grouped bar chart with the report's style. */
  static CategoryChart bars(String title, String xTitle, String yTitle) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    style(chart.getStyler());
    chart.getStyler().setSeriesColors(PALETTE);
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    return chart;
  }
}
