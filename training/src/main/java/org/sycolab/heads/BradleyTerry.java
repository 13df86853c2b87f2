package org.sycolab.heads;

/**
 * The Bradley–Terry objective and pairwise accuracy, in double precision, on interleaved scores:
 * {@code scores[2i]} is pair i's chosen response, {@code scores[2i+1]} its rejected one.
 */
public final class BradleyTerry {

  private BradleyTerry() {}

  /** Mean of −log σ(r_c − r_r − margin) + centring·(r_c + r_r)² over the pairs. */
  public static double objective(float[] scores, double margin, double centring) {
    int n = pairs(scores);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double chosen = scores[2 * i];
      double rejected = scores[2 * i + 1];
      double total = chosen + rejected;
      sum += negativeLogSigmoid(chosen - rejected - margin) + centring * total * total;
    }
    return sum / n;
  }

  /** Fraction of pairs whose chosen response scores higher; a tie counts half. */
  public static double accuracy(float[] scores) {
    int n = pairs(scores);
    double right = 0;
    for (int i = 0; i < n; i++) {
      right += credit(scores[2 * i], scores[2 * i + 1]);
    }
    return right / n;
  }

  /** One pair's share of accuracy: 1 when chosen scores higher, ½ on a tie, else 0. */
  static double credit(float chosen, float rejected) {
    return chosen > rejected ? 1 : chosen == rejected ? 0.5 : 0;
  }

  /** −log σ(z), without overflow for large |z|. */
  static double negativeLogSigmoid(double z) {
    return z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
  }

  private static int pairs(float[] scores) {
    if (scores.length == 0 || scores.length % 2 != 0) {
      throw new IllegalArgumentException(
          "need interleaved chosen/rejected scores, got " + scores.length + " values");
    }
    return scores.length / 2;
  }
}
