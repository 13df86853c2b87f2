package org.sycolab.stats;

/**
 * Mean and sample standard deviation (n − 1 in the denominator) of a set of numbers.
 *
 * @param mean the arithmetic mean
 * @param sd the sample standard deviation; 0 for fewer than two values
 */
public record SampleMoments(double mean, double sd) {

  /** The moments of {@code values}, which must not be empty. */
  public static SampleMoments of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
    return new SampleMoments(mean, sd);
  }

  /**
   * Every value's z-score over {@code values}, (v − mean) / sd with the sample sd; all zeros when
   * the values do not vary (a score that ranks nothing).
   */
  public static double[] zScores(double[] values) {
    SampleMoments moments = of(values);
    double[] z = new double[values.length];
    if (moments.sd() > 0) {
      for (int i = 0; i < values.length; i++) {
        z[i] = moments.z(values[i]);
      }
    }
    return z;
  }

  /** (v − mean) / sd; meaningful only when sd is positive. */
  public double z(double v) {
    return (v - mean) / sd;
  }
}
