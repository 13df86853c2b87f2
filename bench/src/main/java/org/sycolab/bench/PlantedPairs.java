package org.sycolab.bench;

import java.util.SplittableRandom;
import org.sycolab.heads.FeaturePairs;

/**
 * Synthetic feature pairs with a planted linear reward, standing in for cached backbone features:
 * both responses' features are standard normal, and the first is chosen with probability σ(r(a) −
 * r(b)) for r(x) = 1.5·⟨u, x⟩ along a unit direction u drawn from the seed.
 */
final class PlantedPairs {

  private static final double STRENGTH = 1.5;

  private final float[] direction;

  private PlantedPairs(float[] direction) {
    this.direction = direction;
  }

  /** The planted direction of {@code d} dimensions drawn from {@code seed}. */
  static PlantedPairs direction(int d, long seed) {
    float[] u = gaussian(d, new SplittableRandom(seed));
    double norm = Math.sqrt(dot(u, u));
    for (int j = 0; j < d; j++) {
      u[j] = (float) (u[j] / norm);
    }
    return new PlantedPairs(u);
  }

  /** {@code n} pairs drawn from {@code seed}, chosen vector first. */
  FeaturePairs draw(int n, long seed) {
    int d = direction.length;
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[Math.multiplyExact(Math.multiplyExact(n, 2), d)];
    for (int i = 0; i < n; i++) {
      float[] a = gaussian(d, random);
      float[] b = gaussian(d, random);
      double margin = STRENGTH * (dot(direction, a) - dot(direction, b));
      boolean aChosen = random.nextDouble() < 1 / (1 + Math.exp(-margin));
      System.arraycopy(aChosen ? a : b, 0, values, 2 * i * d, d);
      System.arraycopy(aChosen ? b : a, 0, values, (2 * i + 1) * d, d);
    }
    return new FeaturePairs(d, values);
  }

  private static float[] gaussian(int d, SplittableRandom random) {
    float[] x = new float[d];
    for (int j = 0; j < d; j++) {
      // Box–Muller; one of the two normals is enough here.
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      x[j] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return x;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * (double) b[j];
    }
    return sum;
  }
}
