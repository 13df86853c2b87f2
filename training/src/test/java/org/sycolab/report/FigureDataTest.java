package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The data behind the figures, read from the built charts against the CSV files themselves. */
class FigureDataTest {

  @TempDir static Path shared;
  private static PullOutputs run;

  @BeforeAll
  static void readRun() throws Exception {
    run = PullOutputs.read(TestRuns.minimal(shared.resolve("run")));
  }

  @Test
  void truthLinesAreThePullCsvTruthfulRates() throws Exception {
    Map<String, XYSeries> series = chart(TruthSection.build(run)).getSeriesMap();
    List<double[]> rows =
        points(
            csv("pull.csv"),
            row ->
                row.getString("reward").equals("mixed")
                    && row.getString("metric").equals("truthful_rate")
                    && !row.isMissing("n")
                    && row.getInt("n") == 4
                    && row.getString("family").equals("all")
                    && row.getString("domain").equals("all"),
            "lambda",
            "value");
    assertThat(rows).hasSize(run.pull().lambdas().size());
    assertThat(series.get("n = 4").getXData()).containsExactly(column(rows, 0));
    assertThat(series.get("n = 4").getYData()).containsExactly(column(rows, 1));
    assertThat(series).containsKeys("n = 1", "n = 16", "n = 4 lo", "n = 4 hi");
    // One line per reference selector at the headline's n, from its own rows.
    List<double[]> oracle =
        points(
            csv("pull.csv"),
            row ->
                row.getString("reward").equals("oracle")
                    && row.getString("metric").equals("truthful_rate")
                    && !row.isMissing("n")
                    && row.getInt("n") == 16
                    && row.getString("family").equals("all")
                    && row.getString("domain").equals("all"),
            "lambda",
            "value");
    assertThat(series.get("oracle, n = 16").getYData()).containsExactly(column(oracle, 1));
    assertThat(series).containsKeys("agree, n = 16", "disagree, n = 16", "longest, n = 16");
  }

  @Test
  void menuHasALinePerReferenceFromItsOwnMenuRows() throws Exception {
    Map<String, XYSeries> series = chart(MenuSection.build(run)).getSeriesMap();
    List<double[]> disagree =
        points(
            csv("menu.csv"),
            row ->
                row.getString("reward").equals("disagree")
                    && !row.isMissing("n")
                    && row.getInt("n") == 16,
            "lambda",
            "truthful_rate");
    assertThat(disagree).hasSize(run.pull().lambdas().size());
    assertThat(series.get("disagree").getYData()).containsExactly(column(disagree, 1));
    assertThat(series).containsKeys("best-of-16", "oracle", "agree", "longest");
  }

  @Test
  void klCurvesAreTheMenusBestOfNAndTiltRowsEachUnderItsOwnName() throws Exception {
    Map<String, XYSeries> series = chart(KlSection.build(run)).getSeriesMap();
    Table menu = csv("menu.csv");
    List<double[]> bestOfN =
        points(
            menu,
            row ->
                row.getString("reward").equals("mixed")
                    && row.getDouble("lambda") == 0.5
                    && !row.isMissing("n"),
            "kl",
            "truthful_rate");
    List<double[]> tilt =
        points(
            menu,
            row ->
                row.getString("reward").equals("mixed")
                    && row.getDouble("lambda") == 0.5
                    && row.isMissing("n"),
            "kl",
            "truthful_rate");
    assertThat(bestOfN).hasSize(run.pull().ns().size());
    assertThat(tilt).hasSize(2);
    assertThat(series.get("best-of-n, λ = 0.5").getXData()).containsExactly(column(bestOfN, 0));
    assertThat(series.get("best-of-n, λ = 0.5").getYData()).containsExactly(column(bestOfN, 1));
    assertThat(series.get("tilt, λ = 0.5").getXData()).containsExactly(column(tilt, 0));
    assertThat(series.get("tilt, λ = 0.5").getYData()).containsExactly(column(tilt, 1));
  }

  @Test
  void klHasTheReferencesBestOfNAtTheLowestLambda() throws Exception {
    Map<String, XYSeries> series = chart(KlSection.build(run)).getSeriesMap();
    List<double[]> oracle =
        new ArrayList<>(
            points(
                csv("menu.csv"),
                row ->
                    row.getString("reward").equals("oracle")
                        && row.getDouble("lambda") == 0
                        && !row.isMissing("n"),
                "kl",
                "truthful_rate"));
    oracle.sort(Comparator.comparingDouble(point -> point[0]));
    assertThat(oracle).hasSize(run.pull().ns().size());
    assertThat(series.get("oracle, best-of-n, λ = 0").getXData())
        .containsExactly(column(oracle, 0));
    assertThat(series.get("oracle, best-of-n, λ = 0").getYData())
        .containsExactly(column(oracle, 1));
    assertThat(series).containsKeys("agree, best-of-n, λ = 0", "longest, best-of-n, λ = 0");
  }

  private static XYChart chart(Section section) {
    return (XYChart) ((Block.Figure) section.blocks().get(0)).chart();
  }

  private static Table csv(String name) throws Exception {
    Path file = run.runDirectory().resolve("pull").resolve(name);
    return Table.read()
        .csv(
            CsvReadOptions.builder(file.toFile())
                .columnTypesPartial(Map.of("lambda", ColumnType.DOUBLE)));
  }

  /** The (x, y) of the rows that pass, sorted by x. */
  private static List<double[]> points(Table table, Predicate<Row> keep, String x, String y) {
    List<double[]> points = new ArrayList<>();
    for (Row row : table) {
      if (keep.test(row)) {
        points.add(new double[] {row.getDouble(x), row.getDouble(y)});
      }
    }
    points.sort(Comparator.comparingDouble(point -> point[0]));
    return points;
  }

  private static double[] column(List<double[]> points, int index) {
    return points.stream().mapToDouble(point -> point[index]).toArray();
  }
}
