package org.sycolab.heads;

import java.util.SplittableRandom;

/**
 * Synthetic pairs with a known answer: both responses' features are standard normal, and the first
 * is chosen with probability σ(reward(a) − reward(b)) for a planted reward.
 */
final class PlantedPairs {

  /** The true reward of a feature vector. */
  interface Reward {
    double of(float[] x);
  }

  final FeaturePairs pairs;

  /** Accuracy on these pairs of the Bayes rule: prefer the response the true reward favours. */
  final double bayesAccuracy;

  private PlantedPairs(FeaturePairs pairs, double bayesAccuracy) {
    this.pairs = pairs;
    this.bayesAccuracy = bayesAccuracy;
  }

  static PlantedPairs draw(int n, int d, Reward reward, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n * 2 * d];
    int bayesRight = 0;
    for (int i = 0; i < n; i++) {
      float[] a = gaussian(d, random);
      float[] b = gaussian(d, random);
      double margin = reward.of(a) - reward.of(b);
      boolean aChosen = random.nextDouble() < 1 / (1 + Math.exp(-margin));
      float[] chosen = aChosen ? a : b;
      float[] rejected = aChosen ? b : a;
      System.arraycopy(chosen, 0, values, 2 * i * d, d);
      System.arraycopy(rejected, 0, values, (2 * i + 1) * d, d);
      if ((margin > 0) == aChosen) {
        bayesRight++;
      }
    }
    return new PlantedPairs(new FeaturePairs(d, values), bayesRight / (double) n);
  }

  static float[] gaussian(int d, SplittableRandom random) {
    float[] x = new float[d];
    for (int j = 0; j < d; j++) {
      // Box–Muller; one of the two normals is enough here.
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      x[j] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return x;
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * (double) b[i];
    }
    return sum;
  }

  static double cosine(float[] a, float[] b) {
    return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
  }
}
