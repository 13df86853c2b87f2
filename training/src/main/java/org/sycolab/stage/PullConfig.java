package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.Reference;
import org.sycolab.pull.TruthFloor;

/**
 * What {@link PullStage} sweeps, as {@code sycolab pull}'s options and the experiment file's {@code
 * pull} section give it. Checked when made, with the messages the command gives (they name its
 * options).
 *
 * @param pools the JSONL file of candidate pools ({@code --pools})
 * @param source where the rewards come from: trained heads, scores files, or an audited reward
 *     (alone, or weighed against trained grounded heads)
 * @param split the pools evaluated ({@code --split})
 * @param grid the λ, n and β swept ({@code --lambda}, {@code --n}, {@code --beta}); λ = 0 alone for
 *     an audited reward alone, which has no λ
 * @param reference π₀ ({@code --reference})
 * @param bootstrap bootstrap resamples over pools for the 95% intervals; 0 for none
 * @param seed the seed of the bootstrap resamples
 * @param truthFloor the truthful rate the choice keeps to ({@code --truth-floor}); null for no
 *     choice
 * @param model where the heads' backbone is now, when it moved ({@code --model}); null for the one
 *     their cards record
 * @param batchSize texts per backbone forward pass when the heads' features are missing
 * @param out the directory to write into; null for a fresh {@code runs/pull-<time>/}
 */
public record PullConfig(
    Path pools,
    Source source,
    EvaluationSplit split,
    PullGrid grid,
    Reference reference,
    int bootstrap,
    long seed,
    Double truthFloor,
    String model,
    int batchSize,
    Path out)
    implements StageConfig {

  /** π₀ by default ({@code --reference}). */
  public static final String REFERENCE = "uniform";

  /** Bootstrap resamples by default ({@code --bootstrap}). */
  public static final int BOOTSTRAP = 1000;

  /** The bootstrap's seed by default ({@code --seed}). */
  public static final long SEED = 1;

  /** Checks the values as the command does, in its order. */
  public PullConfig {
    if (bootstrap < 0) {
      throw new IllegalArgumentException("--bootstrap must be 0 or more, got " + bootstrap);
    }
    if (truthFloor != null) {
      new TruthFloor(truthFloor);
      if (bootstrap == 0) {
        throw new IllegalArgumentException(
            "--truth-floor needs the truthful rate's interval; --bootstrap 0 gives none");
      }
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
    if (source instanceof Scores && model != null) {
      throw new IllegalArgumentException(
          "--model relocates the heads' backbone; --scores has none");
    }
    if (source instanceof Reward reward && reward.alone()) {
      if (!grid.lambdas().equals(List.of(0.0))) {
        throw new IllegalArgumentException(
            "--lambda weighs the audited reward against --grounded heads; --reward alone has no"
                + " λ (give --grounded heads to mix them)");
      }
      if (truthFloor != null) {
        throw new IllegalArgumentException(
            "--truth-floor chooses a λ; --reward alone has none (give --grounded heads to mix"
                + " them)");
      }
      if (model != null) {
        throw new IllegalArgumentException(
            "--model relocates the heads' backbone; --reward alone has no heads");
      }
    }
  }

  /** Whether the sweep audits a reward alone: no λ, no heads. */
  public boolean audit() {
    return source instanceof Reward reward && reward.alone();
  }

  /** The floor of the choice, when one was asked for. */
  public Optional<TruthFloor> floor() {
    return Optional.ofNullable(truthFloor).map(TruthFloor::new);
  }

  /** Where the rewards come from. */
  public sealed interface Source permits Heads, Scores, Reward {}

  /**
   * Trained heads, paired by the training seed in their {@code head.json}.
   *
   * @param agreeable agreeable head directories, one per seed ({@code --agreeable})
   * @param grounded grounded head directories ({@code --grounded})
   */
  public record Heads(List<Path> agreeable, List<Path> grounded) implements Source {

    /** Copies the lists. */
    public Heads {
      agreeable = List.copyOf(agreeable);
      grounded = List.copyOf(grounded);
    }
  }

  /**
   * Scores tables in {@code --scores} form (pool_id, candidate, agreeable, grounded), one per seed.
   *
   * @param files the tables ({@code --scores})
   */
  public record Scores(List<Path> files) implements Source {

    /** Copies the list. */
    public Scores {
      files = List.copyOf(files);
    }
  }

  /**
   * A reward model under audit, as {@code sycolab score} writes its scores (pool_id, candidate,
   * reward). Alone, each file is one run of the reward (a seed, a checkpoint) and the sweep has no
   * λ: best-of-n and the tilt follow the audited reward itself. With grounded heads, the audited
   * reward takes the agreeable head's place, r = λ·z_reward + (1−λ)·z_G, per grounded seed: one
   * file shared by every seed, or one file per grounded head, paired in the order given.
   *
   * @param files the audited reward's tables ({@code --reward})
   * @param grounded grounded head directories ({@code --grounded}); empty to audit the reward alone
   */
  public record Reward(List<Path> files, List<Path> grounded) implements Source {

    /** Copies the lists; checks there is a file, and one file or one per grounded head. */
    public Reward {
      files = List.copyOf(files);
      grounded = List.copyOf(grounded);
      if (files.isEmpty()) {
        throw new IllegalArgumentException("--reward needs at least one scores file");
      }
      if (!grounded.isEmpty() && files.size() != 1 && files.size() != grounded.size()) {
        throw new IllegalArgumentException(
            files.size()
                + " --reward files for "
                + grounded.size()
                + " --grounded heads; give one file shared by every seed, or one per grounded"
                + " head in the same order");
      }
    }

    /** Whether the reward is audited alone, without grounded heads to weigh it against. */
    public boolean alone() {
      return grounded.isEmpty();
    }
  }

  @Override
  public List<String> commandLine() {
    CommandLineWords words = new CommandLineWords("pull").option("--pools", pools);
    if (source instanceof Heads heads) {
      words.repeated("--agreeable", heads.agreeable()).repeated("--grounded", heads.grounded());
    } else if (source instanceof Scores scores) {
      words.repeated("--scores", scores.files());
    } else if (source instanceof Reward reward) {
      words.repeated("--reward", reward.files()).repeated("--grounded", reward.grounded());
    }
    return words
        .option("--split", split.name())
        .joined("--lambda", audit() ? List.of() : grid.lambdas())
        .joined("--n", grid.ns())
        .option("--beta", grid.betas().isEmpty() ? PullGrid.NO_BETAS : null)
        .joined("--beta", grid.betas())
        .option("--reference", reference.id())
        .option("--bootstrap", bootstrap)
        .option("--seed", seed)
        .option("--truth-floor", truthFloor)
        .option("--model", model)
        .option("--batch-size", batchSize)
        .option("--out", out)
        .words();
  }
}
