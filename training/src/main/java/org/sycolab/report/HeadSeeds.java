package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import org.sycolab.pull.Reward;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Row;

/**
 * How the best-of-n statistics of a sweep vary across head seeds, from its {@code seeds.csv}
 * (written with two or more seeds): the number of seeds and each statistic's sample standard
 * deviation over them. Without the file, the sweep had one head seed.
 */
final class HeadSeeds {

  static final RunCsv.Columns COLUMNS =
      RunCsv.Columns.setting().count("seeds").number("mean", "sd");

  private record Key(String metric, double lambda, int n, String family, String domain) {}

  private final int count;
  private final Map<Key, Double> sds;

  private HeadSeeds(int count, Map<Key, Double> sds) {
    this.count = count;
    this.sds = sds;
  }

  /**
   * Reads {@code seeds.csv} of a sweep directory; one seed when there is none.
   *
   * @throws InvalidRunException when the file is there but malformed
   */
  static HeadSeeds read(Path sweepDirectory) throws InvalidRunException {
    Path file = sweepDirectory.resolve(RunLayout.SEEDS_FILE);
    if (!Files.isRegularFile(file)) {
      return new HeadSeeds(1, Map.of());
    }
    int count = 1;
    Map<Key, Double> sds = new HashMap<>();
    for (Row row : RunCsv.read(file, COLUMNS)) {
      if (row.isMissing("n") || !row.getString("reward").equals(Reward.MIXED.id())) {
        continue;
      }
      count = Math.max(count, row.getInt("seeds"));
      sds.put(
          new Key(
              row.getString("metric"),
              row.getDouble("lambda"),
              row.getInt("n"),
              row.getString("family"),
              row.getString("domain")),
          row.getDouble("sd"));
    }
    return new HeadSeeds(count, sds);
  }

  /** The number of head seeds. */
  int count() {
    return count;
  }

  /** The sd across seeds of a best-of-n statistic over all pools; NaN with one seed. */
  double sd(String metric, double lambda, int n) {
    return sds.getOrDefault(new Key(metric, lambda, n, PullCsv.ALL, PullCsv.ALL), Double.NaN);
  }

  /**
   * For the caption of numbers from several sweeps: their common {@link #describe}, or the range of
   * seed counts when the sweeps differ.
   */
  static String describe(List<HeadSeeds> sweeps) {
    IntSummaryStatistics counts = sweeps.stream().mapToInt(HeadSeeds::count).summaryStatistics();
    if (counts.getMin() == counts.getMax()) {
      return sweeps.get(0).describe();
    }
    return "mean over " + counts.getMin() + " to " + counts.getMax() + " head seeds, by sweep";
  }

  /** For captions: "mean over 3 head seeds", or "one head seed". */
  String describe() {
    return count >= 2 ? "mean over " + count + " head seeds" : "one head seed";
  }
}
