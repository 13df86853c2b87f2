package org.sycolab.pull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The sweep: mixing weights λ, best-of-n sizes and tilt temperatures. λ = 0 is always part of it,
 * since the pull is measured from there.
 *
 * @param lambdas ascending, distinct, in [0, 1], starting at 0
 * @param ns ascending, distinct, at least 1
 * @param betas ascending, distinct, positive and finite; may be empty
 */
public record PullGrid(List<Double> lambdas, List<Integer> ns, List<Double> betas) {

  /** Sorts, removes duplicates, adds λ = 0 and checks ranges. */
  public PullGrid {
    TreeSet<Double> lambdaSet = new TreeSet<>(lambdas);
    lambdaSet.add(0.0);
    for (double lambda : lambdaSet) {
      if (!(lambda >= 0 && lambda <= 1)) {
        throw new IllegalArgumentException("λ must lie in [0, 1], got " + lambda);
      }
    }
    if (ns.isEmpty()) {
      throw new IllegalArgumentException("the grid needs at least one n");
    }
    for (int n : ns) {
      if (n < 1) {
        throw new IllegalArgumentException("n must be at least 1, got " + n);
      }
    }
    for (double beta : betas) {
      if (!(beta > 0 && Double.isFinite(beta))) {
        throw new IllegalArgumentException("β must be positive and finite, got " + beta);
      }
    }
    lambdas = List.copyOf(lambdaSet);
    ns = List.copyOf(new TreeSet<>(ns));
    betas = List.copyOf(new TreeSet<>(betas));
  }

  /**
   * Every setting: best-of-n for each λ and n (λ outer), then the tilt for each λ and β, then the
   * reference π₀ last.
   */
  public List<Setting> settings() {
    List<Setting> settings = new ArrayList<>();
    for (double lambda : lambdas) {
      for (int n : ns) {
        settings.add(Setting.bestOfN(lambda, n));
      }
    }
    for (double lambda : lambdas) {
      for (double beta : betas) {
        settings.add(Setting.tilt(lambda, beta));
      }
    }
    settings.add(Setting.reference());
    return settings;
  }

  /** λ when none is given: 0, 0.1, …, 1. */
  public static final String DEFAULT_LAMBDAS = "0:1:0.1";

  /** Best-of-n sizes when none are given. */
  public static final String DEFAULT_NS = "1,2,4,8,16,32,64";

  /** Tilt temperatures when none are given. */
  public static final String DEFAULT_BETAS = "0.1,0.2,0.5,1,2";

  /** The text that asks for no tilt. */
  public static final String NO_BETAS = "none";

  /**
   * Parses the three axes as the pull command takes them; {@code betas} may be {@link #NO_BETAS}.
   *
   * @throws IllegalArgumentException naming the axis, as {@code --lambda}, {@code --n} or {@code
   *     --beta}, when one does not parse or is out of range
   */
  public static PullGrid parse(String lambdas, String ns, String betas) {
    List<Double> l = parseDecimals(lambdas, "--lambda");
    List<Integer> n = parseCounts(ns, "--n");
    List<Double> b = betas.trim().equals(NO_BETAS) ? List.of() : parseDecimals(betas, "--beta");
    return new PullGrid(l, n, b);
  }

  /**
   * Parses {@code start:stop:step} (inclusive, exact in decimal: {@code 0:1:0.1} gives 0, 0.1, …,
   * 1) or a comma-separated list.
   */
  public static List<Double> parseDecimals(String text, String option) {
    String trimmed = text.trim();
    try {
      if (trimmed.contains(":")) {
        String[] parts = trimmed.split(":", -1);
        if (parts.length != 3) {
          throw new IllegalArgumentException(
              option + " range must be start:stop:step, got '" + text + "'");
        }
        BigDecimal start = new BigDecimal(parts[0].trim());
        BigDecimal stop = new BigDecimal(parts[1].trim());
        BigDecimal step = new BigDecimal(parts[2].trim());
        if (step.signum() <= 0 || stop.compareTo(start) < 0) {
          throw new IllegalArgumentException(
              option + " range needs start <= stop and a positive step, got '" + text + "'");
        }
        List<Double> values = new ArrayList<>();
        for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
          values.add(v.doubleValue());
          if (values.size() > 10_000) {
            throw new IllegalArgumentException(option + " range has too many values: " + text);
          }
        }
        return values;
      }
      List<Double> values = new ArrayList<>();
      for (String part : trimmed.split(",", -1)) {
        values.add(new BigDecimal(part.trim()).doubleValue());
      }
      return values;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " expects numbers (a list a,b,c or a range start:stop:step), got '" + text + "'",
          e);
    }
  }

  /** Parses a comma-separated list of positive integers. */
  public static List<Integer> parseCounts(String text, String option) {
    List<Integer> values = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      try {
        values.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " expects whole numbers such as 1,2,4,8, got '" + text + "'", e);
      }
    }
    return values;
  }
}
