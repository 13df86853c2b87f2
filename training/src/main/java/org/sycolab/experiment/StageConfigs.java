package org.sycolab.experiment;

import java.nio.file.Path;
import java.util.List;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Precision;
import org.sycolab.data.TextLimits;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.features.Shard;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.Reference;
import org.sycolab.stage.DiagnoseConfig;
import org.sycolab.stage.EmbedConfig;
import org.sycolab.stage.EvaluationSplit;
import org.sycolab.stage.GenerateConfig;
import org.sycolab.stage.PullConfig;
import org.sycolab.stage.ReportConfig;
import org.sycolab.stage.ScoreConfig;
import org.sycolab.stage.TrainConfig;
import org.sycolab.stage.ValidateConfig;

/**
 * The typed config of each stage from an experiment's values, with the stage's command's defaults
 * (the constants its options read) for what the experiment leaves out, checked in the command's
 * order with its messages (they name its options, which {@link ExperimentPlan#fields} leads back to
 * the experiment's fields).
 */
final class StageConfigs {

  private final Experiment.Backbone backbone;
  private final Experiment.Heads heads;
  private final Experiment.Pull pull;

  /**
   * The configs of {@code experiment}'s stages; {@code heads} and {@code pull} are its sections,
   * empty where it has none.
   */
  StageConfigs(Experiment experiment, Experiment.Heads heads, Experiment.Pull pull) {
    Experiment.Backbone b = experiment.backbone();
    this.backbone = b == null ? new Experiment.Backbone(null, null, null, null, null, null) : b;
    this.heads = heads;
    this.pull = pull;
  }

  /**
   * {@code sycolab score} of the audited reward model {@code model} (resolved against the
   * experiment file), with the command's defaults for what the audit section leaves out.
   */
  static ScoreConfig score(Experiment.Audit audit, String model, Path in, Path out) {
    if (model == null) {
      throw new IllegalArgumentException("--model: the reward model's directory is missing");
    }
    Precision precision;
    try {
      precision = Precision.parse(audit.dtype() == null ? BackboneOptions.DTYPE : audit.dtype());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dtype: " + e.getMessage(), e);
    }
    int maxLength =
        audit.maxLength() == null ? BackboneOptions.WHOLE_RESPONSE_MAX_LENGTH : audit.maxLength();
    int batchSize = audit.batchSize() == null ? BackboneOptions.BATCH_SIZE : audit.batchSize();
    return new ScoreConfig(model, in, maxLength, precision, batchSize, out);
  }

  /** {@code sycolab embed}: its backbone options first, then the config's own checks. */
  EmbedConfig embed(Path in, String model, Shard shard, List<Path> merge, Path out) {
    return new EmbedConfig(in, model, backboneOptions(), batchSize(), shard, merge, out);
  }

  /** {@code sycolab train}: labels, hyper-parameters, the head's shape, then the rest. */
  TrainConfig train(
      Path pairs,
      List<String> labels,
      List<Long> seeds,
      List<String> excludedDomains,
      String model,
      Path out) {
    List<TrainingTarget> targets = TrainConfig.targets(labels);
    TrainingConfig training =
        TrainConfig.hyperparameters(
            or(heads.epochs(), TrainingConfig.EPOCHS),
            or(heads.minibatch(), TrainingConfig.BATCH_SIZE),
            or(heads.lr(), TrainingConfig.LEARNING_RATE),
            or(heads.weightDecay(), TrainingConfig.WEIGHT_DECAY),
            or(heads.margin(), TrainingConfig.MARGIN),
            or(heads.centring(), TrainingConfig.CENTRING),
            or(heads.patience(), TrainingConfig.PATIENCE),
            seeds.get(0));
    HeadArchitecture.Kind kind =
        heads.architecture() == null
            ? HeadArchitecture.Kind.LINEAR
            : HeadArchitecture.Kind.parse(heads.architecture());
    if (kind == HeadArchitecture.Kind.LINEAR) {
      if (heads.hidden() != null) {
        throw new IllegalArgumentException("--hidden applies to --head mlp only");
      }
      if (heads.dropout() != null) {
        throw new IllegalArgumentException("--dropout applies to --head mlp only");
      }
    }
    TrainConfig.Head shape =
        new TrainConfig.Head(
            kind,
            or(heads.hidden(), TrainConfig.Head.HIDDEN),
            or(heads.dropout(), TrainConfig.Head.DROPOUT));
    return new TrainConfig(
        pairs,
        targets,
        shape,
        training,
        seeds,
        excludedDomains,
        model,
        backboneOptions(),
        batchSize(),
        out);
  }

  /** {@code sycolab heads diagnose}, on the backbone the heads' cards record. */
  DiagnoseConfig diagnose(List<Path> headDirectories, Path pairs, Path pools, Path out) {
    return new DiagnoseConfig(headDirectories, pairs, pools, split(), null, batchSize(), out);
  }

  /** {@code sycolab pull} of heads: π₀, the grid, then the config's own checks. */
  PullConfig pull(
      Path pools,
      PullConfig.Source source,
      String lambdas,
      String ns,
      String betas,
      Double truthFloor,
      Path out) {
    String reference = or(pull.reference(), PullConfig.REFERENCE);
    Reference pi0 = Reference.ofOption(reference);
    PullGrid grid =
        PullGrid.parse(
            or(lambdas, PullGrid.DEFAULT_LAMBDAS),
            or(ns, PullGrid.DEFAULT_NS),
            or(betas, PullGrid.DEFAULT_BETAS));
    return new PullConfig(
        pools,
        source,
        split(),
        grid,
        pi0,
        or(pull.bootstrap(), PullConfig.BOOTSTRAP),
        or(pull.seed(), PullConfig.SEED),
        truthFloor,
        null,
        batchSize(),
        out);
  }

  /** {@code sycolab generate} of the experiment's {@code data.generate} section. */
  static GenerateConfig generate(Experiment.Generate g, Path out) {
    return GenerateConfig.of(
        or(g.seed(), GeneratorConfig.DEFAULT_SEED),
        or(g.pairs(), GeneratorConfig.DEFAULT_PAIRS),
        or(g.heldoutDomain(), GeneratorConfig.DEFAULT_HELDOUT),
        or(g.families(), List.of()),
        or(g.controlShare(), GeneratorConfig.DEFAULT_CONTROL_SHARE),
        out);
  }

  /** {@code sycolab validate} of the run's data files, with the default text limit. */
  static ValidateConfig validate(List<Path> files) {
    return new ValidateConfig(files, TextLimits.DEFAULT);
  }

  /** {@code sycolab report} of the run. */
  static ReportConfig report(Path run) {
    return new ReportConfig(run);
  }

  private EvaluationSplit split() {
    return new EvaluationSplit(or(pull.split(), EvaluationSplit.DEFAULT));
  }

  private int batchSize() {
    return or(backbone.batchSize(), BackboneOptions.BATCH_SIZE);
  }

  /** The backbone's options, checked as {@code sycolab embed} checks its own, in its order. */
  private BackboneOptions backboneOptions() {
    BackboneOptions options =
        BackboneOptions.parse(
            backbone.pooling(),
            !Boolean.FALSE.equals(backbone.normalize()),
            or(backbone.maxLength(), BackboneOptions.MAX_LENGTH),
            or(backbone.dtype(), BackboneOptions.DTYPE));
    if (batchSize() < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize());
    }
    return options;
  }

  private static <T> T or(T value, T otherwise) {
    return value == null ? otherwise : value;
  }
}
