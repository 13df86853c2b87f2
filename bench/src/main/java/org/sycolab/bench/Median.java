package org.sycolab.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median of a benchmark's measurements. */
final class Median {

  private Median() {}

  /** The middle value, or the mean of the two middle values of an even count. */
  static double of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The median of one field over several processes' results. */
  static double of(List<ChildResult> results, ToDoubleFunction<ChildResult> field) {
    return of(results.stream().mapToDouble(field).toArray());
  }
}
