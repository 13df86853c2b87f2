package org.sycolab.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.heads.TrainingTarget;

/**
 * What the train stage does, as {@code sycolab train}'s options (and an experiment's {@code heads}
 * section) say it: which pairs, which heads, how they learn, on which backbone's features, and
 * where they go. Checked when made, with the messages the command gives, naming its options.
 *
 * @param pairs the JSONL file of preference pairs ({@code --pairs})
 * @param targets one head per target and seed, in this order ({@code --label})
 * @param head the heads' shape ({@code --head}, {@code --hidden}, {@code --dropout})
 * @param training the hyper-parameters; its seed is the first of {@code seeds}, and each head
 *     trains with its own ({@code --epochs}, {@code --minibatch}, {@code --lr}, …, see {@link
 *     #hyperparameters})
 * @param seeds the head seeds ({@code --seeds})
 * @param excludedDomains the meta.domain values whose pairs are left out ({@code
 *     --exclude-domains})
 * @param model the backbone whose features the heads score ({@code --model})
 * @param backboneOptions how the backbone pools and cuts its inputs ({@code --pooling}, …)
 * @param batchSize texts per backbone pass when features are missing ({@code --batch-size})
 * @param out the directory to write; null for a fresh {@code runs/train-<time>/} ({@code --out})
 */
public record TrainConfig(
    Path pairs,
    List<TrainingTarget> targets,
    Head head,
    TrainingConfig training,
    List<Long> seeds,
    List<String> excludedDomains,
    String model,
    BackboneOptions backboneOptions,
    int batchSize,
    Path out)
    implements StageConfig {

  /** Checks every field; the seed of {@code training} becomes the first head seed. */
  public TrainConfig {
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(backboneOptions, "backboneOptions");
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("--label must name at least one label");
    }
    requireDistinct(targets);
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("--seeds must name at least one seed");
    }
    if (new HashSet<>(seeds).size() != seeds.size()) {
      throw new IllegalArgumentException("--seeds lists a seed twice: " + seeds);
    }
    excludedDomains = List.copyOf(excludedDomains);
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
    training = training.withSeed(seeds.get(0));
  }

  /**
   * The targets of {@code --label}, each once.
   *
   * @throws IllegalArgumentException for a label that is not a target, or one given twice
   */
  public static List<TrainingTarget> targets(List<String> labels) {
    List<TrainingTarget> targets = new ArrayList<>();
    for (String label : labels) {
      targets.add(TrainingTarget.parse(label));
      requireDistinct(targets);
    }
    return targets;
  }

  /**
   * The hyper-parameters, checked with the messages of the options that give them ({@code
   * --epochs}, {@code --minibatch}, {@code --lr}, {@code --weight-decay}, {@code --margin}, {@code
   * --centring}, {@code --patience}).
   */
  public static TrainingConfig hyperparameters(
      int epochs,
      int minibatch,
      double learningRate,
      double weightDecay,
      double margin,
      double centring,
      int patience,
      long seed) {
    positive("--epochs", epochs);
    positive("--minibatch", minibatch);
    positive("--patience", patience);
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("--lr must be positive, got " + learningRate);
    }
    for (var option :
        List.of(
            Map.entry("--weight-decay", weightDecay),
            Map.entry("--margin", margin),
            Map.entry("--centring", centring))) {
      if (!(option.getValue() >= 0) || !Double.isFinite(option.getValue())) {
        throw new IllegalArgumentException(
            option.getKey() + " must be zero or positive, got " + option.getValue());
      }
    }
    return new TrainingConfig(
        epochs, minibatch, learningRate, weightDecay, margin, centring, patience, seed);
  }

  /**
   * The shape of the heads: linear (d → 1), or mlp (d → hidden → 1, GELU, dropout while training);
   * hidden and dropout apply to mlp only.
   *
   * @param kind linear or mlp ({@code --head})
   * @param hidden hidden units of an mlp head ({@code --hidden})
   * @param dropout dropout of an mlp head while training ({@code --dropout})
   */
  public record Head(HeadArchitecture.Kind kind, int hidden, double dropout) {

    /** Hidden units of an mlp head by default ({@code --hidden}). */
    public static final int HIDDEN = 256;

    /** Dropout of an mlp head by default ({@code --dropout}). */
    public static final double DROPOUT = 0.1;

    /** Checks an mlp's hidden units and dropout. */
    public Head {
      Objects.requireNonNull(kind, "kind");
      if (kind == HeadArchitecture.Kind.MLP) {
        positive("--hidden", hidden);
        if (!(dropout >= 0 && dropout < 1)) {
          throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
        }
      }
      dropout += 0.0; // -0.0 is the zero it means
    }

    /** The architecture of a head on features of {@code dimension}. */
    public HeadArchitecture architecture(int dimension) {
      return kind == HeadArchitecture.Kind.LINEAR
          ? HeadArchitecture.linear(dimension)
          : HeadArchitecture.mlp(dimension, hidden, dropout);
    }
  }

  private static void requireDistinct(List<TrainingTarget> targets) {
    List<TrainingTarget> seen = new ArrayList<>();
    for (TrainingTarget target : targets) {
      if (seen.contains(target)) {
        throw new IllegalArgumentException("--label lists " + target + " twice");
      }
      seen.add(target);
    }
  }

  private static void positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be positive, got " + value);
    }
  }

  @Override
  public List<String> commandLine() {
    boolean mlp = head.kind() == HeadArchitecture.Kind.MLP;
    return new CommandLineWords("train")
        .option("--pairs", pairs)
        .joined("--label", targets)
        .joined("--exclude-domains", excludedDomains)
        .option("--head", head.kind().id())
        .option("--hidden", mlp ? head.hidden() : null)
        .option("--dropout", mlp ? head.dropout() : null)
        .option("--epochs", training.epochs())
        .option("--minibatch", training.batchSize())
        .option("--lr", training.learningRate())
        .option("--weight-decay", training.weightDecay())
        .option("--margin", training.margin())
        .option("--centring", training.centring())
        .option("--patience", training.patience())
        .joined("--seeds", seeds)
        .option("--model", model)
        .backbone(backboneOptions)
        .option("--batch-size", batchSize)
        .option("--out", out)
        .words();
  }
}
