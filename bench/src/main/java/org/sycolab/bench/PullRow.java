package org.sycolab.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statistic of a pull sweep as the {@code pull} part compares engines: a metric of best-of-n at
 * λ over a group of pools, with its estimate and 95% bootstrap interval. Each engine's process
 * writes its statistics to a file, one tab-separated line each, which the driver reads back.
 *
 * @param lambda weight of the agreeable head
 * @param n best-of-n draws
 * @param metric the metric's name in {@code pull.csv}, e.g. {@code truthful_rate}
 * @param family a family name or {@code all}
 * @param domain a domain name or {@code all}
 * @param value the estimate
 * @param lo lower end of the interval
 * @param hi upper end of the interval
 */
record PullRow(
    double lambda,
    int n,
    String metric,
    String family,
    String domain,
    double value,
    double lo,
    double hi) {

  /** What identifies the statistic: setting, metric and group. */
  String key() {
    return "lambda=" + lambda + " n=" + n + " " + metric + " " + family + "/" + domain;
  }

  /**
   * The sum of the estimates, which a process prints so that runs can be told apart at a glance.
   */
  static double checksum(List<PullRow> rows) {
    double sum = 0;
    for (PullRow row : rows) {
      sum += row.value();
    }
    return sum;
  }

  /** Writes the rows, every double exactly (shortest round-tripping decimal). */
  static void write(List<PullRow> rows, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (PullRow row : rows) {
        out.write(
            String.join(
                "\t",
                Double.toString(row.lambda()),
                Integer.toString(row.n()),
                row.metric(),
                row.family(),
                row.domain(),
                Double.toString(row.value()),
                Double.toString(row.lo()),
                Double.toString(row.hi())));
        out.newLine();
      }
    }
  }

  /** Reads rows written by {@link #write}, by key. */
  static Map<String, PullRow> read(Path file) throws IOException {
    Map<String, PullRow> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", -1);
      if (fields.length != 8) {
        throw new IOException(file + ": expected 8 tab-separated fields, got: " + line);
      }
      PullRow row =
          new PullRow(
              Double.parseDouble(fields[0]),
              Integer.parseInt(fields[1]),
              fields[2],
              fields[3],
              fields[4],
              Double.parseDouble(fields[5]),
              Double.parseDouble(fields[6]),
              Double.parseDouble(fields[7]));
      if (rows.put(row.key(), row) != null) {
        throw new IOException(file + ": " + row.key() + " appears twice");
      }
    }
    return rows;
  }
}
