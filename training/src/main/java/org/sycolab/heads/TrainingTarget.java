package org.sycolab.heads;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.sycolab.data.Label;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;

/**
 * Which preferences a head learns: those labelled {@code agreeable}, those labelled {@code
 * grounded}, or {@code mixture:P} — a popular-vote reward trained on every prompt with pairs under
 * both labels, of which a fraction P, drawn per prompt, contributes its agreeable pairs and the
 * rest their grounded pairs. On a control prompt (premise true) both labels prefer the same answer,
 * so P decides only on conflict prompts; without the controls, a mixture at P = 0 would learn to
 * disagree, not to tell the truth.
 *
 * @param label the label for a single-label target, null for a mixture
 * @param agreeableFraction P for a mixture, NaN otherwise
 */
public record TrainingTarget(Label label, double agreeableFraction) {

  /** Checks that exactly one of the two is given. */
  public TrainingTarget {
    if ((label == null) == Double.isNaN(agreeableFraction)) {
      throw new IllegalArgumentException("a target is a label or a mixture fraction");
    }
    if (label == null && !(agreeableFraction >= 0 && agreeableFraction <= 1)) {
      throw new IllegalArgumentException(
          "mixture fraction must be in [0, 1], got " + agreeableFraction);
    }
  }

  /** Parses {@code agreeable}, {@code grounded} or {@code mixture:P} with P in [0, 1]. */
  public static TrainingTarget parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith(MIXTURE)) {
      String fraction = trimmed.substring(MIXTURE.length());
      double p;
      try {
        p = Double.parseDouble(fraction);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "mixture needs a fraction in [0, 1], as in mixture:0.25; got '" + text + "'");
      }
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "mixture fraction must be in [0, 1], got '" + fraction + "'");
      }
      return new TrainingTarget(null, p);
    }
    return Label.fromJson(trimmed)
        .map(label -> new TrainingTarget(label, Double.NaN))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "label must be agreeable, grounded or mixture:P (P in [0, 1]), got '"
                        + text
                        + "'"));
  }

  /** Whether this is a mixture. */
  public boolean isMixture() {
    return label == null;
  }

  /** The target as written on the command line and in head.json: {@code mixture:0.25}. */
  @Override
  public String toString() {
    return isMixture() ? MIXTURE + fraction() : label.jsonName();
  }

  /** A name usable in file names: {@code agreeable}, {@code mixture-0.25}. */
  public String fileName() {
    return isMixture() ? "mixture-" + fraction() : label.jsonName();
  }

  /**
   * The pairs this target trains on, in file order. For a mixture, each prompt that has pairs under
   * both labels draws its label from {@code seed} and its own content, so the choice does not
   * depend on the file's order; prompts with one label only are left out.
   */
  public List<PreferencePair> select(List<PreferencePair> pairs, long seed) {
    if (!isMixture()) {
      return pairs.stream().filter(pair -> pair.label() == label).toList();
    }
    // A prompt is hashed once, however many pairs share it (a probe's agreeable and grounded).
    Map<List<Turn>, String> keysByPrompt = new HashMap<>();
    List<String> keys =
        pairs.stream()
            .map(pair -> keysByPrompt.computeIfAbsent(pair.prompt(), PairText::promptKey))
            .toList();
    Map<String, Set<Label>> labelsByPrompt = new HashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      if (keys.get(i) != null) {
        labelsByPrompt
            .computeIfAbsent(keys.get(i), key -> EnumSet.noneOf(Label.class))
            .add(pairs.get(i).label());
      }
    }
    Map<String, Label> drawn = new HashMap<>();
    labelsByPrompt.forEach(
        (key, labels) -> {
          if (labels.size() == Label.values().length) {
            drawn.put(key, draw(key, seed) < agreeableFraction ? Label.AGREEABLE : Label.GROUNDED);
          }
        });
    List<PreferencePair> selected = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      if (keys.get(i) != null && pairs.get(i).label() == drawn.get(keys.get(i))) {
        selected.add(pairs.get(i));
      }
    }
    return selected;
  }

  /** A uniform draw in [0, 1) from the seed and the prompt's content key. */
  private static double draw(String promptKey, long seed) {
    long content = Long.parseUnsignedLong(promptKey.substring(0, 15), 16);
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ content).nextDouble();
  }

  private String fraction() {
    return BigDecimal.valueOf(agreeableFraction).stripTrailingZeros().toPlainString();
  }

  private static final String MIXTURE = "mixture:";
}
