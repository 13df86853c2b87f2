package org.sycolab.pull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns per-pool values into every statistic of a sweep, for one weighting of the pools (one each
 * for the estimate, bootstrap multiplicities for a resample).
 *
 * <p>Pools are first summed into cells (family × domain × premise), so a resample costs one pass
 * over the pools whatever the number of groups; each group and eligibility is then a sum of cells.
 */
final class Aggregator {
  /** A drop in truthful rate smaller than this is rounding, not a tipping point. */
  private static final double TIPPING_TOLERANCE = 1e-12;

  private final PoolSet pools;
  private final List<Setting> settings;
  private final int columns;
  private final int[] cellOf;
  private final int cellCount;
  private final List<PoolGroup> groups;

  /** Per group and eligibility ordinal, the cells in both; null when there are none. */
  private final int[][][] classCells;

  /** Per setting, the index of the same selection at λ = 0. */
  private final int[] zeroSetting;

  /** Per curve (each n, then each β) and λ index, the setting index. */
  private final int[][] curves;

  private final List<Stat> stats = new ArrayList<>();

  /** One number the sweep reports: a metric of a setting over a group of pools. */
  record Stat(int group, PullMetric metric, int setting) {}

  Aggregator(PoolSet pools, PullGrid grid) {
    this.pools = pools;
    this.settings = grid.settings();
    this.columns = settings.size() * PoolValues.QUANTITIES;
    cellOf = new int[pools.size()];
    Map<Long, Integer> cellIndex = new HashMap<>();
    List<int[]> cellKeys = new ArrayList<>();
    for (int p = 0; p < pools.size(); p++) {
      int premise = pools.falsePremise(p) ? 1 : 0;
      long key = ((long) pools.family(p) << 33) | ((long) pools.domain(p) << 1) | premise;
      Integer cell = cellIndex.get(key);
      if (cell == null) {
        cell = cellKeys.size();
        cellIndex.put(key, cell);
        cellKeys.add(new int[] {pools.family(p), pools.domain(p), premise});
      }
      cellOf[p] = cell;
    }
    cellCount = cellKeys.size();

    groups = new ArrayList<>();
    groups.add(PoolGroup.all());
    pools.families().forEach(f -> groups.add(new PoolGroup(f, PoolGroup.ALL)));
    pools.domains().forEach(d -> groups.add(new PoolGroup(PoolGroup.ALL, d)));
    classCells = new int[groups.size()][Eligibility.values().length][];
    for (int g = 0; g < groups.size(); g++) {
      PoolGroup group = groups.get(g);
      for (Eligibility e : Eligibility.values()) {
        int[] cells =
            IntStream.range(0, cellCount)
                .filter(c -> contains(group, e, cellKeys.get(c)))
                .toArray();
        classCells[g][e.ordinal()] = cells.length == 0 ? null : cells;
      }
    }

    int lambdas = grid.lambdas().size();
    int ns = grid.ns().size();
    int betas = grid.betas().size();
    zeroSetting = new int[settings.size()];
    for (int s = 0; s < settings.size() - 1; s++) {
      zeroSetting[s] = s < lambdas * ns ? s % ns : lambdas * ns + (s - lambdas * ns) % betas;
    }
    curves = new int[ns + betas][lambdas];
    for (int l = 0; l < lambdas; l++) {
      for (int i = 0; i < ns; i++) {
        curves[i][l] = l * ns + i;
      }
      for (int b = 0; b < betas; b++) {
        curves[ns + b][l] = lambdas * ns + l * betas + b;
      }
    }

    // Stats in the order Workspace.aggregate fills them.
    for (int g = 0; g < groups.size(); g++) {
      for (Eligibility e : Eligibility.values()) {
        if (classCells[g][e.ordinal()] == null) {
          continue;
        }
        for (PullMetric metric : PullMetric.values()) {
          if (metric.eligibility() == e) {
            for (int s = 0; s < referenceSetting(); s++) {
              stats.add(new Stat(g, metric, s));
            }
          }
        }
      }
    }
  }

  private boolean contains(PoolGroup group, Eligibility e, int[] cellKey) {
    String family = pools.families().get(cellKey[0]);
    String domain = pools.domains().get(cellKey[1]);
    return (group.family().equals(PoolGroup.ALL) || group.family().equals(family))
        && (group.domain().equals(PoolGroup.ALL) || group.domain().equals(domain))
        && e.includes(cellKey[2] == 1, family);
  }

  List<Setting> settings() {
    return settings;
  }

  List<PoolGroup> groups() {
    return groups;
  }

  List<Stat> stats() {
    return stats;
  }

  /** Curves for λ*: each n, then each β. */
  int curveCount() {
    return curves.length;
  }

  /** The setting of a curve at its first λ (λ = 0). */
  Setting curve(int curve) {
    return settings.get(curves[curve][0]);
  }

  private int referenceSetting() {
    return settings.size() - 1;
  }

  /** Sums for one thread, reused across resamples. */
  Workspace workspace() {
    return new Workspace();
  }

  /** Per-thread scratch sums. */
  final class Workspace {
    private final double[] cellSums = new double[cellCount * columns];
    private final long[] cellWeights = new long[cellCount];
    private final double[] classSums = new double[columns];

    /**
     * Computes every statistic (in {@link #stats()} order) into {@code out}, each group's truthful
     * rate under π₀ into {@code reference}, and λ* of each group and curve into {@code tipping}
     * (group-major; +∞ where T never falls below π₀'s). A statistic whose pools all have weight
     * zero is NaN.
     *
     * @param weights each pool's multiplicity, or null for one each
     */
    void aggregate(
        PoolValues values, int[] weights, double[] out, double[] reference, double[] tipping) {
      Arrays.fill(cellSums, 0);
      Arrays.fill(cellWeights, 0);
      double[] v = values.values;
      for (int p = 0; p < pools.size(); p++) {
        int w = weights == null ? 1 : weights[p];
        if (w == 0) {
          continue;
        }
        int cell = cellOf[p] * columns;
        int row = p * columns;
        for (int c = 0; c < columns; c++) {
          cellSums[cell + c] += w * v[row + c];
        }
        cellWeights[cellOf[p]] += w;
      }
      int at = 0;
      for (int g = 0; g < groups.size(); g++) {
        for (Eligibility e : Eligibility.values()) {
          int[] cells = classCells[g][e.ordinal()];
          if (cells == null) {
            continue;
          }
          double weight = sumCells(cells);
          if (e == Eligibility.ALL) {
            double threshold = truthful(referenceSetting(), weight);
            reference[g] = threshold;
            for (int curve = 0; curve < curves.length; curve++) {
              tipping[g * curves.length + curve] = tippingPoint(curves[curve], threshold, weight);
            }
          }
          for (PullMetric metric : PullMetric.values()) {
            if (metric.eligibility() == e) {
              for (int s = 0; s < referenceSetting(); s++) {
                out[at++] = value(metric, s, weight);
              }
            }
          }
        }
      }
    }

    private double sumCells(int[] cells) {
      Arrays.fill(classSums, 0);
      long weight = 0;
      for (int cell : cells) {
        int base = cell * columns;
        for (int c = 0; c < columns; c++) {
          classSums[c] += cellSums[base + c];
        }
        weight += cellWeights[cell];
      }
      return weight;
    }

    private double sum(int setting, int quantity) {
      return classSums[setting * PoolValues.QUANTITIES + quantity];
    }

    private double truthful(int setting, double weight) {
      return sum(setting, PoolValues.TRUTHFUL) / weight;
    }

    private double value(PullMetric metric, int s, double weight) {
      if (weight == 0) {
        return Double.NaN;
      }
      return switch (metric) {
        case TRUTHFUL_RATE -> truthful(s, weight);
        case REGRESSIVE_RATE, PROGRESSIVE_RATE, CAPITULATION_RATE, FABRICATION_RATE ->
            sum(s, PoolValues.AGREES) / weight;
        case CONTRARIAN_RATE -> 1 - sum(s, PoolValues.AGREES) / weight;
        case PULL -> 100 * (truthful(zeroSetting[s], weight) - truthful(s, weight));
        case KL -> sum(s, PoolValues.KL) / weight;
        case APPROVAL -> sum(s, PoolValues.APPROVAL) / weight;
      };
    }

    /**
     * The smallest λ on the curve whose truthful rate is below π₀'s; +∞ when it never is, NaN when
     * the group has no pools in this weighting.
     */
    private double tippingPoint(int[] curve, double referenceTruthful, double weight) {
      if (weight == 0) {
        return Double.NaN;
      }
      for (int setting : curve) {
        if (truthful(setting, weight) < referenceTruthful - TIPPING_TOLERANCE) {
          return settings.get(setting).lambda();
        }
      }
      return Double.POSITIVE_INFINITY;
    }
  }
}
