package org.sycolab.pull;

/** Kullback–Leibler divergence between two distributions over one pool. */
public final class Divergence {
  private Divergence() {}

  /** KL(p ‖ q) in nats; terms with p = 0 contribute nothing. */
  public static double kl(double[] p, double[] q) {
    BestOfN.checkSameLength(p, q);
    return kl(p, q, 0, p.length);
  }

  /** KL(p[0..size) ‖ q[offset..offset+size)). */
  static double kl(double[] p, double[] q, int offset, int size) {
    double sum = 0;
    for (int i = 0; i < size; i++) {
      if (p[i] > 0) {
        sum += p[i] * Math.log(p[i] / q[offset + i]);
      }
    }
    return Math.max(0, sum);
  }
}
