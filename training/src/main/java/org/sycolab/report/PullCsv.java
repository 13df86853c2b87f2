package org.sycolab.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sycolab.pull.Reward;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A run's {@code pull.csv}, indexed by reward, setting, metric and group of pools. Best-of-n rows
 * are keyed by n, tilt rows by β. Lookups without a reward read the learned heads' rows ({@code
 * mixed}).
 */
final class PullCsv {

  /** The family or domain of the aggregate rows. */
  static final String ALL = "all";

  static final RunCsv.Columns COLUMNS = RunCsv.Columns.setting().number("value", "lo", "hi");

  private record Key(
      String reward,
      String metric,
      double lambda,
      int n,
      double beta,
      String family,
      String domain) {}

  private final Path file;
  private final Map<Key, Stat> index = new HashMap<>();
  private final List<Double> lambdas;
  private final List<Integer> ns;
  private final List<String> families;
  private final List<String> domains;
  private final boolean intervals;
  private final List<Reward> references;

  private PullCsv(Path file, Table table) {
    this.file = file;
    TreeSet<Double> lambdaSet = new TreeSet<>();
    TreeSet<Integer> nSet = new TreeSet<>();
    Set<String> familySet = new LinkedHashSet<>();
    Set<String> domainSet = new LinkedHashSet<>();
    boolean anyInterval = false;
    Set<String> rewards = new HashSet<>();
    for (Row row : table) {
      rewards.add(row.getString("reward"));
      double lambda = row.getDouble("lambda");
      boolean bestOfN = !row.isMissing("n");
      int n = bestOfN ? row.getInt("n") : 0;
      double beta = bestOfN ? Double.NaN : row.getDouble("beta");
      lambdaSet.add(lambda);
      String family = row.getString("family");
      String domain = row.getString("domain");
      if (!family.equals(ALL)) {
        familySet.add(family);
      }
      if (!domain.equals(ALL)) {
        domainSet.add(domain);
      }
      if (bestOfN) {
        nSet.add(n);
      }
      Stat stat = new Stat(row.getDouble("value"), row.getDouble("lo"), row.getDouble("hi"));
      anyInterval |= stat.hasInterval();
      index.put(
          new Key(
              row.getString("reward"), row.getString("metric"), lambda, n, beta, family, domain),
          stat);
    }
    this.intervals = anyInterval;
    this.references = Reward.references().stream().filter(r -> rewards.contains(r.id())).toList();
    this.lambdas = List.copyOf(lambdaSet);
    this.ns = List.copyOf(nSet);
    this.families = List.copyOf(familySet);
    this.domains = List.copyOf(domainSet);
  }

  /**
   * Reads {@code file}.
   *
   * @throws InvalidRunException when it is missing, lacks a column, or has no best-of-n rows
   */
  static PullCsv read(Path file) throws InvalidRunException {
    PullCsv pull = new PullCsv(file, RunCsv.read(file, COLUMNS));
    if (pull.ns.isEmpty()) {
      throw new InvalidRunException(file + ": no best-of-n rows (column n is empty everywhere)");
    }
    return pull;
  }

  /** The file read. */
  Path file() {
    return file;
  }

  /** The λ grid, ascending. */
  List<Double> lambdas() {
    return lambdas;
  }

  /** The best-of-n sizes, ascending. */
  List<Integer> ns() {
    return ns;
  }

  /** The families with rows of their own, in the file's order. */
  List<String> families() {
    return families;
  }

  /** The domains with rows of their own, in the file's order. */
  List<String> domains() {
    return domains;
  }

  /** Whether the sweep was bootstrapped: some statistic has an interval. */
  boolean hasIntervals() {
    return intervals;
  }

  /** A best-of-n statistic of the learned heads. */
  Optional<Stat> bestOfN(String metric, double lambda, int n, String family, String domain) {
    return bestOfN(Reward.MIXED, metric, lambda, n, family, domain);
  }

  /** A best-of-n statistic of {@code reward}. */
  Optional<Stat> bestOfN(
      Reward reward, String metric, double lambda, int n, String family, String domain) {
    return Optional.ofNullable(
        index.get(new Key(reward.id(), metric, lambda, n, Double.NaN, family, domain)));
  }

  /** A best-of-n statistic of {@code reward} over all pools. */
  Optional<Stat> bestOfN(Reward reward, String metric, double lambda, int n) {
    return bestOfN(reward, metric, lambda, n, ALL, ALL);
  }

  /** The reference selectors the file has rows for, in {@link Reward} order. */
  List<Reward> references() {
    return references;
  }

  /** A best-of-n statistic over all pools. */
  Optional<Stat> bestOfN(String metric, double lambda, int n) {
    return bestOfN(metric, lambda, n, ALL, ALL);
  }
}
