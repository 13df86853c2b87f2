package org.sycolab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.stage.TrainConfig;
import org.sycolab.stage.TrainOutcome;
import org.sycolab.stage.TrainStage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sycolab train}: Bradley–Terry reward heads on cached backbone features. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train reward heads on the features of (prompt, chosen) and (prompt, rejected) with the"
          + " Bradley-Terry loss -log sigmoid(r_c - r_r - margin) + centring*(r_c + r_r)^2, AdamW,"
          + " and early stopping on the dev split's pairwise accuracy. Features come from the"
          + " cache that `sycolab embed` fills; missing ones are computed first.",
      "Splits follow each pair's meta.split (train/dev/test); pairs without one are split by"
          + " prompt, 80/10/10.",
      "After training, every head is judged against the truth on the test split's grounded"
          + " pairs (their chosen answer is the true one): accuracy where the user is wrong"
          + " (conflict, meta.premise false) and where the user is right (control, premise true),"
          + " each with a 95%% Wilson interval, beside picking the longer answer, and a verdict"
          + " (tracks truth, rewards agreement, rewards disagreement (contrarian), prefers false"
          + " answers, no signal, weak) by the rule printed with it. Without control pairs no head"
          + " is said to track truth. `sycolab heads diagnose` adds the pools' 2x2 cell means.",
      "Writes one head directory per label and seed (<label>-seed<s>/ with head.safetensors and"
          + " head.json), heads.csv with their accuracies, verdict.csv (when the test split has"
          + " grounded pairs) and the manifest."
    })
final class TrainCommand extends BaseCommand {

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of preference pairs.")
  Path pairsFile;

  @Option(
      names = "--label",
      paramLabel = "L",
      split = ",",
      defaultValue = "agreeable,grounded",
      description =
          "agreeable, grounded or mixture:P, comma-separated for several heads (default:"
              + " ${DEFAULT-VALUE}). mixture:P trains on every prompt with pairs under both"
              + " labels, a fraction P of which, drawn per prompt from the seed, give their"
              + " agreeable pairs and the rest their grounded pairs (on control prompts both"
              + " labels prefer the same answer, so P decides on conflict prompts).")
  List<String> labels;

  @Option(
      names = "--head",
      paramLabel = "KIND",
      defaultValue = "linear",
      converter = HeadKindConverter.class,
      description = "linear (d->1) or mlp (d->h->1, GELU, dropout) (default: ${DEFAULT-VALUE}).")
  HeadArchitecture.Kind head;

  @Option(
      names = "--hidden",
      paramLabel = "H",
      defaultValue = "" + TrainConfig.Head.HIDDEN,
      description = "Hidden units of an mlp head (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(
      names = "--dropout",
      paramLabel = "P",
      defaultValue = "" + TrainConfig.Head.DROPOUT,
      description = "Dropout of an mlp head while training (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.EPOCHS,
      description = "Most passes over the training pairs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--minibatch",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.BATCH_SIZE,
      description = "Pairs per optimiser step (default: ${DEFAULT-VALUE}).")
  int minibatch;

  @Option(
      names = "--lr",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.LEARNING_RATE,
      description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--weight-decay",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.WEIGHT_DECAY,
      description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(
      names = "--margin",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.MARGIN,
      description = "Margin inside the loss (default: ${DEFAULT-VALUE}).")
  double margin;

  @Option(
      names = "--centring",
      paramLabel = "X",
      defaultValue = "" + TrainingConfig.CENTRING,
      description =
          "Coefficient of the (r_c + r_r)^2 term that keeps scores centred (default:"
              + " ${DEFAULT-VALUE}).")
  double centring;

  @Option(
      names = "--patience",
      paramLabel = "N",
      defaultValue = "" + TrainingConfig.PATIENCE,
      description =
          "Stop after N epochs without a better dev accuracy (an equal one with a lower dev loss"
              + " counts as better); the best epoch's weights are kept (default:"
              + " ${DEFAULT-VALUE}).")
  int patience;

  @Option(
      names = "--seeds",
      paramLabel = "S",
      split = ",",
      defaultValue = "1",
      description =
          "Train one head per seed (initial weights, pair order, dropout, mixture draw)"
              + " (default: ${DEFAULT-VALUE}).")
  List<Long> seeds;

  @Option(
      names = "--exclude-domains",
      paramLabel = "D",
      split = ",",
      description =
          "Leave out every pair whose meta.domain is one of these, from every split: heads that"
              + " never saw those domains (the held-out domain ablation). Default: none.")
  List<String> excludedDomains = new ArrayList<>();

  @Mixin ModelOptions model;

  @Mixin OutputOptions output;

  @Override
  protected int execute() throws Exception {
    TrainOutcome outcome = new TrainStage(context()).run(config());
    outcome.print(out());
    return ExitCode.OK;
  }

  /** The stage's config, the options checked as {@link #check} does and then the rest. */
  private TrainConfig config() {
    List<TrainingTarget> targets = TrainConfig.targets(labels);
    TrainingConfig training = hyperparameters();
    TrainConfig.Head shape = headShape();
    return new TrainConfig(
        pairsFile,
        targets,
        shape,
        training,
        seeds,
        excludedDomains,
        model.model,
        model.backboneOptions(),
        model.batchSize.value,
        output.out);
  }

  private TrainingConfig hyperparameters() {
    return TrainConfig.hyperparameters(
        epochs, minibatch, learningRate, weightDecay, margin, centring, patience, seeds.get(0));
  }

  /** The head's shape; {@code --hidden} and {@code --dropout} are refused with a linear head. */
  private TrainConfig.Head headShape() {
    for (String option : List.of("--hidden", "--dropout")) {
      if (head == HeadArchitecture.Kind.LINEAR
          && spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new IllegalArgumentException(option + " applies to --head mlp only");
      }
    }
    return new TrainConfig.Head(head, hidden, dropout);
  }

  /** Reads {@code --head} as an architecture kind. */
  static final class HeadKindConverter
      implements CommandLine.ITypeConverter<HeadArchitecture.Kind> {
    @Override
    public HeadArchitecture.Kind convert(String value) {
      return HeadArchitecture.Kind.parse(value);
    }
  }
}
