package org.sycolab.heads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;

/**
 * The features of preference pairs, ready for a head: row {@code i} holds the chosen response's
 * vector then the rejected one's, so the pairs form one {@code (N, 2, d)} array.
 *
 * @param dimension d
 * @param values N·2·d values, row-major
 */
public record FeaturePairs(int dimension, float[] values) {

  /** Checks the length. */
  public FeaturePairs {
    if (dimension < 1 || values.length == 0 || values.length % (2 * dimension) != 0) {
      throw new IllegalArgumentException(
          values.length + " values do not make pairs of " + dimension + "-dimensional vectors");
    }
  }

  /** Pairs from parallel lists of chosen and rejected vectors, all of one dimension. */
  public static FeaturePairs of(List<float[]> chosen, List<float[]> rejected) {
    if (chosen.size() != rejected.size()) {
      throw new IllegalArgumentException(
          chosen.size() + " chosen vectors but " + rejected.size() + " rejected");
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("no pairs");
    }
    int d = chosen.get(0).length;
    float[] values = new float[chosen.size() * 2 * d];
    for (int i = 0; i < chosen.size(); i++) {
      copy(chosen.get(i), d, values, (2 * i) * d);
      copy(rejected.get(i), d, values, (2 * i + 1) * d);
    }
    return new FeaturePairs(d, values);
  }

  /**
   * The pairs' vectors, looked up by the content key of (prompt, chosen) and (prompt, rejected), as
   * {@code FeatureExtractor} keys them; each text is hashed here.
   *
   * @throws IllegalStateException when a text has no vector
   */
  public static FeaturePairs lookup(List<PreferencePair> pairs, Map<String, float[]> vectors) {
    return lookup(pairs, text -> vectors.get(text.contentKey()));
  }

  /**
   * The pairs' vectors, {@code vectorOf} each (prompt, chosen) and (prompt, rejected): with a map
   * from text to vector (texts of equal content are equal), no text is hashed here.
   *
   * @throws IllegalStateException when a text has no vector
   */
  public static FeaturePairs lookup(
      List<PreferencePair> pairs, Function<PairText, float[]> vectorOf) {
    List<float[]> chosen = new ArrayList<>(pairs.size());
    List<float[]> rejected = new ArrayList<>(pairs.size());
    for (PreferencePair pair : pairs) {
      chosen.add(vector(vectorOf, new PairText(pair.prompt(), pair.chosen()), pair));
      rejected.add(vector(vectorOf, new PairText(pair.prompt(), pair.rejected()), pair));
    }
    return of(chosen, rejected);
  }

  private static float[] vector(
      Function<PairText, float[]> vectorOf, PairText text, PreferencePair pair) {
    float[] vector = vectorOf.apply(text);
    if (vector == null) {
      throw new IllegalStateException("no features for a response of pair '" + pair.id() + "'");
    }
    return vector;
  }

  private static void copy(float[] vector, int d, float[] values, int offset) {
    if (vector.length != d) {
      throw new IllegalArgumentException(
          "vectors of different dimensions: " + vector.length + " and " + d);
    }
    System.arraycopy(vector, 0, values, offset, d);
  }

  /** N, the number of pairs. */
  public int size() {
    return values.length / (2 * dimension);
  }
}
