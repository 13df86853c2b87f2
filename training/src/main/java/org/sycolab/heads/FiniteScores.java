package org.sycolab.heads;

import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Refuses a head's scores that are not finite, naming the head and the input that got one, before
 * any table is built from them: a NaN would otherwise surface later as a statistic's failure, far
 * from its cause.
 */
public final class FiniteScores {

  private FiniteScores() {}

  /**
   * Checks every score.
   *
   * @param head the head's directory, for the message
   * @param scores its scores
   * @param input describes the input scored at an index ("pair 'x' (chosen)")
   * @throws IllegalStateException at the first score that is NaN or infinite
   */
  public static void require(Path head, float[] scores, IntFunction<String> input) {
    for (int i = 0; i < scores.length; i++) {
      if (!Float.isFinite(scores[i])) {
        throw new IllegalStateException(
            head
                + " scores "
                + input.apply(i)
                + " as "
                + scores[i]
                + "; its weights or the features are broken");
      }
    }
  }
}
