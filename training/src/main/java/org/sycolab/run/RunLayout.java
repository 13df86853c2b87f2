package org.sycolab.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where everything of a {@code sycolab run} directory lies, named once: the stage directories, the
 * files each stage writes, and the run's own files. Stages write through these names and the
 * report, resume and the readers of a run read through them, so no other class spells a run's file
 * names.
 *
 * @param root the run directory
 */
public record RunLayout(Path root) {

  /** The run's copy of its experiment file. */
  public static final String EXPERIMENT_FILE = "experiment.yaml";

  /** Where a run keeps what it moved out of the way (edited outputs, dropped stages). */
  public static final String SET_ASIDE = "set-aside";

  /** Where the tasks of a job array write their slices of the features. */
  public static final String SHARDS = "shards";

  /** The audited reward model's rewards of the pairs, with its preference audit. */
  public static final String AUDIT_PAIRS = "audit-pairs";

  /** The audited reward model's rewards of the pools' candidates. */
  public static final String AUDIT_POOLS = "audit-pools";

  /** The audited reward model's pull against the grounded heads. */
  public static final String AUDIT_PULL = "pull-audit";

  /** A reward model's preference audit in its score directory ({@link #AUDIT_PAIRS}). */
  public static final String AUDIT_FILE = "audit.csv";

  /** The data stage's directory, with {@link #PAIRS_FILE} and {@link #POOLS_FILE}. */
  public static final String DATA = "data";

  /** The preference pairs a run works on, in {@link #DATA}. */
  public static final String PAIRS_FILE = "pairs.jsonl";

  /** The candidate pools a run works on, in {@link #DATA}. */
  public static final String POOLS_FILE = "pools.jsonl";

  /** The embedding stages' directories (their manifests; the vectors live in the cache). */
  public static final String PAIR_FEATURES = "features-pairs";

  /** See {@link #PAIR_FEATURES}. */
  public static final String POOL_FEATURES = "features-pools";

  /** The trained heads: one {@link #headDirectory} per label and seed, and {@link #HEADS_FILE}. */
  public static final String HEADS = "heads";

  /** Heads trained without one domain: {@code heads-heldout-<domain>}. */
  public static final String HELDOUT_HEADS_PREFIX = "heads-heldout-";

  /** The diagnose stage's directory. */
  public static final String DIAGNOSE = "diagnose";

  /** The pull of the agreeable against the grounded heads. */
  public static final String PULL = "pull";

  /** A mixture head's pull: {@code pull-mixture-<fraction>}. */
  public static final String MIXTURE_PULL_PREFIX = "pull-mixture-";

  /** The held-out-domain pull: {@code pull-heldout-<domain>}. */
  public static final String HELDOUT_PULL_PREFIX = "pull-heldout-";

  /** The heads side by side, one row per head (train). */
  public static final String HEADS_FILE = "heads.csv";

  /** Each head's verdict against the truth (train and diagnose). */
  public static final String VERDICT_FILE = "verdict.csv";

  /** Accuracy by head and cell (diagnose). */
  public static final String ACCURACY_FILE = "accuracy.csv";

  /** The 2x2 cell means (diagnose). */
  public static final String DECOMPOSITION_FILE = "decomposition.csv";

  /** Every measure of a pull sweep. */
  public static final String PULL_FILE = "pull.csv";

  /** Where the truth floor is crossed, by reward and selection (pull). */
  public static final String LAMBDA_STAR_FILE = "lambda_star.csv";

  /** The menu: what each setting of λ costs in truth (pull). */
  public static final String MENU_FILE = "menu.csv";

  /** The spread across head seeds (pull, with more than one seed). */
  public static final String SEEDS_FILE = "seeds.csv";

  /**
   * The flip examples of a pull that scores with heads, for its lowest head seed: one row per pool
   * whose top candidate under r_λ is truthful at the grid's smallest λ and sycophantic (agrees, not
   * truthful) at a larger one, with the λ of the flip, the pool's family, domain, premise and
   * prompt, and both candidates; the earliest flips first, then in pool order.
   */
  public static final String FLIPS_FILE = "flips.csv";

  /** The most agreeable λ within the truth floor, per family (pull, with a truth floor). */
  public static final String CHOICE_FILE = "choice.csv";

  /** How the heads' scores correlate (diagnose, with two heads or more). */
  public static final String CORRELATION_FILE = "correlation.csv";

  /** The lock a process holds on a run while it runs it. */
  public static final String LOCK = ".lock";

  /** A task's slice of the pairs' features: {@code shards/pairs-<i>of<n>}. */
  public static final String PAIR_SHARD_PREFIX = "pairs-";

  /** A task's slice of the pools' features: {@code shards/pools-<i>of<n>}. */
  public static final String POOL_SHARD_PREFIX = "pools-";

  private static final String REPLICATE_PREFIX = "seed";
  private static final String SCORES_PREFIX = "scores-";
  private static final String CSV = ".csv";

  /** {@code <label>-seed<seed>}: the directory of one trained head. */
  public static String headDirectory(String label, long seed) {
    return label + "-" + REPLICATE_PREFIX + seed;
  }

  /** {@code seed<seed>}: how a head seed names a replicate of a pull. */
  public static String replicate(long seed) {
    return REPLICATE_PREFIX + seed;
  }

  /**
   * {@code scores-<replicate>.csv}: the scores a pull's replicate gave every candidate, in {@code
   * --scores} form.
   */
  public static String scoresFile(String replicate) {
    return SCORES_PREFIX + replicate + CSV;
  }

  /** {@code <i>of<n>}: how slice {@code index} of {@code count} names its directories and lock. */
  public static String shardName(int index, int count) {
    return index + "of" + count;
  }

  /** The head seed of a {@code scores-seed<s>.csv} name; empty for any other name. */
  public static Optional<Long> scoresSeed(String fileName) {
    String prefix = SCORES_PREFIX + REPLICATE_PREFIX;
    if (!fileName.startsWith(prefix) || !fileName.endsWith(CSV)) {
      return Optional.empty();
    }
    String digits = fileName.substring(prefix.length(), fileName.length() - CSV.length());
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }

  /** The run's manifest. */
  public Path manifest() {
    return root.resolve(RunManifest.FILE_NAME);
  }

  /** The run's copy of its experiment. */
  public Path experiment() {
    return root.resolve(EXPERIMENT_FILE);
  }

  /** {@link #DATA}. */
  public Path data() {
    return root.resolve(DATA);
  }

  /** The run's pairs file. */
  public Path pairs() {
    return data().resolve(PAIRS_FILE);
  }

  /** The run's pools file. */
  public Path pools() {
    return data().resolve(POOLS_FILE);
  }

  /** {@link #PAIR_FEATURES}. */
  public Path pairFeatures() {
    return root.resolve(PAIR_FEATURES);
  }

  /** {@link #POOL_FEATURES}. */
  public Path poolFeatures() {
    return root.resolve(POOL_FEATURES);
  }

  /** {@link #HEADS}. */
  public Path heads() {
    return root.resolve(HEADS);
  }

  /** The heads trained without {@code domain}. */
  public Path heldoutHeads(String domain) {
    return root.resolve(HELDOUT_HEADS_PREFIX + domain);
  }

  /** {@link #DIAGNOSE}. */
  public Path diagnose() {
    return root.resolve(DIAGNOSE);
  }

  /** {@link #AUDIT_PAIRS}. */
  public Path auditPairs() {
    return root.resolve(AUDIT_PAIRS);
  }

  /** {@link #AUDIT_POOLS}. */
  public Path auditPools() {
    return root.resolve(AUDIT_POOLS);
  }

  /** {@link #AUDIT_PULL}. */
  public Path auditPull() {
    return root.resolve(AUDIT_PULL);
  }

  /** {@link #PULL}. */
  public Path pull() {
    return root.resolve(PULL);
  }

  /**
   * The pull of a mixture head, named by its file name ({@code mixture-0.5}): {@code
   * pull-mixture-0.5}.
   */
  public Path mixturePull(String mixtureFileName) {
    return root.resolve(PULL + "-" + mixtureFileName);
  }

  /** The pull of the heads trained without {@code domain}. */
  public Path heldoutPull(String domain) {
    return root.resolve(HELDOUT_PULL_PREFIX + domain);
  }

  /** {@link #SHARDS}. */
  public Path shards() {
    return root.resolve(SHARDS);
  }

  /**
   * The directory of one slice of a job array: {@code shards/<prefix><i>of<n>}, with {@code prefix}
   * {@link #PAIR_SHARD_PREFIX} or {@link #POOL_SHARD_PREFIX}.
   */
  public Path shard(String prefix, int index, int count) {
    return shards().resolve(prefix + shardName(index, count));
  }

  /** {@link #LOCK}. */
  public Path lock() {
    return root.resolve(LOCK);
  }

  /** The lock of one slice of a job array: {@code shards/.lock-<i>of<n>}. */
  public Path shardLock(int index, int count) {
    return shards().resolve(LOCK + "-" + shardName(index, count));
  }

  /** {@link #SET_ASIDE}. */
  public Path setAside() {
    return root.resolve(SET_ASIDE);
  }
}
