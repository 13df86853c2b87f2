package org.sycolab.data.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sycolab.data.PreferencePair;

/**
 * No single token and no opening phrase may tell chosen from rejected on its own: a head that could
 * win on one string would learn the string, not the preference.
 *
 * <p>For a feature f (a word, or the first one to three words), the best rule that looks only at f
 * picks the response that has it when exactly one does, and guesses otherwise; its accuracy is P(f
 * in chosen only) + ½·P(both or neither), or the mirror rule's. Both must stay at or below 80% for
 * every family and label, over two seeds. Length, the classic reward-model shortcut, is held to the
 * same bound: "pick the longer response" must not reach 80% either.
 */
class DistinguishabilityTest {

  private static final double LIMIT = 0.80;

  @ParameterizedTest
  @ValueSource(longs = {11, 12})
  void noTokenOrOpeningSeparatesChosenFromRejected(long seed) {
    GeneratedData data = ProbeGenerator.standard().generate(GeneratorConfig.of(seed, 12_000));
    Map<String, List<PreferencePair>> groups =
        data.pairs().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.metaString("family").get() + "/" + p.label().jsonName()));
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, List<PreferencePair>> group : groups.entrySet()) {
      Map.Entry<String, Double> worst = worstFeature(group.getValue());
      double longer = longerWins(group.getValue());
      if (longer > LIMIT) {
        failures.add(
            String.format(
                Locale.ROOT, "%s: length separates %.1f%%", group.getKey(), 100 * longer));
      }
      if (worst.getValue() > LIMIT) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%s: '%s' separates %.1f%%",
                group.getKey(),
                worst.getKey(),
                100 * worst.getValue()));
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Accuracy of "the longer response is chosen" (or its mirror), ties counted as half. */
  static double longerWins(List<PreferencePair> pairs) {
    double wins = 0;
    for (PreferencePair pair : pairs) {
      int c = pair.chosen().length();
      int r = pair.rejected().length();
      wins += c > r ? 1 : c == r ? 0.5 : 0;
    }
    double accuracy = wins / pairs.size();
    return Math.max(accuracy, 1 - accuracy);
  }

  static Map.Entry<String, Double> worstFeature(List<PreferencePair> pairs) {
    Map<String, int[]> wins = new HashMap<>();
    for (PreferencePair pair : pairs) {
      Set<String> chosen = features(pair.chosen());
      Set<String> rejected = features(pair.rejected());
      for (String f : chosen) {
        if (!rejected.contains(f)) {
          wins.computeIfAbsent(f, k -> new int[2])[0]++;
        }
      }
      for (String f : rejected) {
        if (!chosen.contains(f)) {
          wins.computeIfAbsent(f, k -> new int[2])[1]++;
        }
      }
    }
    String worst = "";
    double worstAccuracy = 0.5;
    int n = pairs.size();
    for (Map.Entry<String, int[]> e : wins.entrySet()) {
      int only = e.getValue()[0];
      int other = e.getValue()[1];
      double ties = n - only - other;
      double accuracy = Math.max(only + ties / 2, other + ties / 2) / n;
      if (accuracy > worstAccuracy) {
        worst = e.getKey();
        worstAccuracy = accuracy;
      }
    }
    return Map.entry(worst, worstAccuracy);
  }

  static Set<String> features(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
    List<String> tokens = new ArrayList<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        tokens.add(w);
      }
    }
    Set<String> features = new HashSet<>(tokens);
    StringBuilder opening = new StringBuilder("^");
    for (int i = 0; i < Math.min(3, tokens.size()); i++) {
      opening.append(' ').append(tokens.get(i));
      features.add(opening.toString());
    }
    return features;
  }
}
