package org.sycolab.stage;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.data.DataSplit;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.heads.BradleyTerry;
import org.sycolab.heads.BradleyTerryTrainer;
import org.sycolab.heads.EpochMetrics;
import org.sycolab.heads.FeaturePairs;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.HeadCard;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.HeadScorer;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.heads.TrainingResult;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.run.Execution;

/**
 * Trains, tests and writes the heads of one train stage, one at a time: a progress bar over the
 * epochs, each epoch's losses as details, a warning when no epoch beat the initial weights or there
 * are no test pairs, the head's card, and its directory in the stage's execution.
 */
final class HeadTraining {

  private final StageContext context;
  private final Device device;
  private final Execution run;
  private final TrainConfig config;
  private final BackboneSpec backbone;
  private final Map<PairText, float[]> vectors;
  private final FeaturePairs truth;

  /**
   * Heads of {@code config} on {@code vectors} (text → vector of {@code backbone}), judged on
   * {@code truth} (null when there are no truth pairs), written into {@code run}.
   */
  HeadTraining(
      StageContext context,
      Device device,
      Execution run,
      TrainConfig config,
      BackboneSpec backbone,
      Map<PairText, float[]> vectors,
      FeaturePairs truth) {
    this.context = context;
    this.device = device;
    this.run = run;
    this.config = config;
    this.backbone = backbone;
    this.vectors = vectors;
    this.truth = truth;
  }

  /**
   * A head as written, and its scores of the truth pairs (chosen, rejected of each; empty without
   * truth pairs).
   */
  record Trained(TrainedHead head, float[] truthScores) {}

  /** Trains the head {@code name} of {@code target} and {@code seed} on {@code bySplit}. */
  Trained train(
      String name,
      TrainingTarget target,
      long seed,
      Map<DataSplit, List<PreferencePair>> bySplit,
      HeadCard.DataInfo data)
      throws Exception {
    TrainingConfig training = config.training().withSeed(seed);
    FeaturePairs train = FeaturePairs.lookup(bySplit.get(DataSplit.TRAIN), vectors::get);
    FeaturePairs dev = FeaturePairs.lookup(bySplit.get(DataSplit.DEV), vectors::get);
    HeadArchitecture architecture = config.head().architecture(train.dimension());
    StageConsole console = context.console();
    TrainingResult result;
    try (StageConsole.Progress bar =
        console.progress("train " + name, "epochs", training.epochs())) {
      result =
          new BradleyTerryTrainer(training, device)
              .train(
                  architecture,
                  train,
                  dev,
                  metrics -> {
                    if (metrics.epoch() > 0) {
                      bar.step(1);
                    }
                    if (console.detailed()) {
                      console.detail(name + ": " + describe(metrics));
                    }
                  });
    }
    if (result.bestEpoch() == 0) {
      console.warn(
          name
              + ": no epoch beat the initial weights on the dev pairs, so the saved head is its"
              + " random start; try a higher --lr or more --epochs");
    }
    EpochMetrics best = result.best();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("train_accuracy", best.trainAccuracy());
    metrics.put("train_loss", best.trainLoss());
    metrics.put("dev_accuracy", best.devAccuracy());
    metrics.put("dev_loss", best.devLoss());
    List<PreferencePair> testPairs = bySplit.get(DataSplit.TEST);
    float[] truthScores = new float[0];
    try (HeadScorer scorer = new HeadScorer(result.weights(), device)) {
      if (testPairs.isEmpty()) {
        console.warn(name + ": no test pairs, so head.json has no test_accuracy");
      } else {
        float[] scores = scorer.score(FeaturePairs.lookup(testPairs, vectors::get));
        metrics.put("test_accuracy", BradleyTerry.accuracy(scores));
        metrics.put(
            "test_loss", BradleyTerry.objective(scores, training.margin(), training.centring()));
      }
      if (truth != null) {
        truthScores = scorer.score(truth);
      }
    }
    HeadCard card =
        new HeadCard(
            HeadCard.FORMAT,
            HeadCard.VERSION,
            target.toString(),
            architecture,
            HeadCard.BackboneInfo.of(config.model(), backbone),
            train.dimension(),
            training,
            data,
            result.history(),
            result.bestEpoch(),
            result.stoppedEarly(),
            metrics,
            Instant.now().toString(),
            context.build().sycolabVersion(),
            null); // HeadDirectory records the weights file's digest as it writes it
    HeadCard[] written = new HeadCard[1];
    Path directory =
        run.writeOutputDirectory(
            name, dir -> written[0] = HeadDirectory.writeInto(dir, card, result.weights()));
    return new Trained(new TrainedHead(name, target, written[0], directory), truthScores);
  }

  private static String describe(EpochMetrics m) {
    return String.format(
        Locale.ROOT,
        "epoch %d train loss %.4f acc %.4f, dev loss %.4f acc %.4f (%.2f s)",
        m.epoch(),
        m.trainLoss(),
        m.trainAccuracy(),
        m.devLoss(),
        m.devAccuracy(),
        m.seconds());
  }
}
