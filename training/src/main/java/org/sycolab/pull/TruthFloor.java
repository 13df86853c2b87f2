package org.sycolab.pull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The menu as a user's choice: given a floor F on the truthful rate, the most agreeable setting of
 * the dial that keeps truth at or above F with 95% confidence. Per reward, selection curve (each n,
 * each β) and family (and all pools), it takes the largest λ on the grid whose truthful rate's
 * lower 95% bootstrap end is at least F; a smaller λ need not meet the floor (the truthful rate
 * need not fall monotonically with λ). When no λ meets it, the row says so and why.
 */
public final class TruthFloor {
  private final double floor;

  /**
   * A floor of {@code floor}.
   *
   * @throws IllegalArgumentException naming {@code --truth-floor} unless it is a rate in [0, 1]
   */
  public TruthFloor(double floor) {
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException(
          "--truth-floor must be a rate in [0, 1] (a truthful rate), got " + floor);
    }
    this.floor = floor;
  }

  /** The floor, a rate in [0, 1]. */
  public double floor() {
    return floor;
  }

  /** Where one row's values come from: a reward's curve over a family. */
  private record Key(Reward reward, Setting curve, String family) {}

  /**
   * Every row of {@code choice.csv}: by reward, then curve (best-of-n by n, then the tilt by β),
   * then all pools and each family in the sweep's order.
   *
   * @throws IllegalArgumentException when the sweep has no intervals (no bootstrap)
   */
  public List<MenuChoice> choose(PullResult result) {
    if (result.resamples() == 0) {
      throw new IllegalArgumentException(
          "--truth-floor needs the truthful rate's interval; --bootstrap 0 gives none");
    }
    Map<Key, TreeMap<Double, Estimate>> truthful = new LinkedHashMap<>();
    Map<Key, Map<Double, Double>> approval = new LinkedHashMap<>();
    List<String> families = new ArrayList<>();
    for (Estimate e : result.estimates()) {
      if (!e.group().domain().equals(PoolGroup.ALL)
          || e.setting().selector() == Setting.Selector.REFERENCE) {
        continue;
      }
      if (!families.contains(e.group().family())) {
        families.add(e.group().family());
      }
      Key key = new Key(e.reward(), atZero(e.setting()), e.group().family());
      if (e.metric() == PullMetric.TRUTHFUL_RATE) {
        truthful.computeIfAbsent(key, k -> new TreeMap<>()).put(e.setting().lambda(), e);
      } else if (e.metric() == PullMetric.APPROVAL) {
        approval
            .computeIfAbsent(key, k -> new LinkedHashMap<>())
            .put(e.setting().lambda(), e.value());
      }
    }
    List<Key> keys = new ArrayList<>(truthful.keySet());
    keys.sort(
        Comparator.comparing((Key k) -> k.reward())
            .thenComparing(k -> k.curve().selector())
            .thenComparingInt(k -> k.curve().n())
            .thenComparingDouble(k -> k.curve().beta())
            .thenComparingInt(k -> families.indexOf(k.family())));
    List<MenuChoice> choices = new ArrayList<>(keys.size());
    for (Key key : keys) {
      choices.add(choose(key, truthful.get(key), approval.getOrDefault(key, Map.of())));
    }
    return choices;
  }

  private MenuChoice choose(
      Key key, TreeMap<Double, Estimate> alongLambda, Map<Double, Double> approval) {
    Estimate best = null;
    for (Estimate e : alongLambda.descendingMap().values()) {
      if (e.lo() >= floor) {
        return new MenuChoice(
            key.reward(),
            key.curve(),
            key.family(),
            floor,
            e.setting().lambda(),
            e.value(),
            e.lo(),
            e.hi(),
            approval.getOrDefault(e.setting().lambda(), Double.NaN),
            "");
      }
      if (!Double.isNaN(e.lo()) && (best == null || e.lo() > best.lo())) {
        best = e;
      }
    }
    String reason =
        best == null
            ? "no λ has an interval for its truthful rate"
            : String.format(
                Locale.ROOT,
                "no λ meets the floor: the highest lower end is %.3f, at λ = %s",
                best.lo(),
                BigDecimal.valueOf(best.setting().lambda()).stripTrailingZeros().toPlainString());
    return new MenuChoice(
        key.reward(),
        key.curve(),
        key.family(),
        floor,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        reason);
  }

  private static Setting atZero(Setting setting) {
    return new Setting(setting.selector(), 0, setting.n(), setting.beta());
  }
}
