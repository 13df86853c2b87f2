package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BradleyTerryTrainerTest {

  @Test
  void linearHeadRecoversAPlantedDirectionAtBayesAccuracy() {
    int d = 32;
    float[] planted = PlantedPairs.gaussian(d, new SplittableRandom(7));
    double norm = Math.sqrt(PlantedPairs.dot(planted, planted));
    // True reward 1.5·<w, x> with |w| = 1: a pair's margin has sd 1.5·√2, Bayes accuracy ≈ 0.82.
    PlantedPairs.Reward reward = x -> 1.5 * PlantedPairs.dot(planted, x) / norm;
    PlantedPairs train = PlantedPairs.draw(20_000, d, reward, 1);
    PlantedPairs dev = PlantedPairs.draw(4_000, d, reward, 2);
    PlantedPairs test = PlantedPairs.draw(20_000, d, reward, 3);

    TrainingResult result =
        new BradleyTerryTrainer(new TrainingConfig(20, 512, 1e-2, 0.01, 0, 0, 5, 1), Device.cpu())
            .train(
                HeadArchitecture.linear(d),
                train.pairs,
                dev.pairs,
                BradleyTerryTrainer.Listener.NONE);

    float[] learned = result.weights().tensor(HeadArchitecture.LINEAR_WEIGHT);
    assertThat(PlantedPairs.cosine(learned, planted)).isGreaterThan(0.99);
    double accuracy;
    try (HeadScorer scorer = new HeadScorer(result.weights(), Device.cpu())) {
      accuracy = BradleyTerry.accuracy(scorer.score(test.pairs));
    }
    assertThat(test.bayesAccuracy).isBetween(0.78, 0.86);
    assertThat(accuracy).isCloseTo(test.bayesAccuracy, within(0.01));
  }

  @Test
  void mlpHeadLearnsAnInteractionALinearHeadCannot() {
    int d = 4;
    // Preference follows the product of the first two features: no linear score separates it.
    PlantedPairs.Reward reward = x -> 3 * x[0] * x[1];
    PlantedPairs train = PlantedPairs.draw(4_000, d, reward, 11);
    PlantedPairs dev = PlantedPairs.draw(2_000, d, reward, 12);
    TrainingConfig config = new TrainingConfig(30, 256, 1e-2, 0.01, 0, 0, 10, 5);

    TrainingResult mlp =
        new BradleyTerryTrainer(config, Device.cpu())
            .train(
                HeadArchitecture.mlp(d, 32, 0.1),
                train.pairs,
                dev.pairs,
                BradleyTerryTrainer.Listener.NONE);
    TrainingResult linear =
        new BradleyTerryTrainer(config, Device.cpu())
            .train(
                HeadArchitecture.linear(d),
                train.pairs,
                dev.pairs,
                BradleyTerryTrainer.Listener.NONE);

    assertThat(mlp.best().devAccuracy()).isGreaterThan(dev.bayesAccuracy - 0.04);
    assertThat(linear.best().devAccuracy()).isLessThan(0.56);
  }

  @Test
  void linearTrainingMatchesAPlainJavaBradleyTerryAdamW() {
    int d = 6;
    int n = 40;
    PlantedPairs data = PlantedPairs.draw(n, d, x -> x[0] - 0.5 * x[3], 21);
    // One batch of all pairs: the step no longer depends on the order, so the reference below
    // needs no shuffling.
    TrainingConfig config = new TrainingConfig(6, n, 0.05, 0.1, 0.3, 0.2, 100, 4);
    TrainingResult result =
        new BradleyTerryTrainer(config, Device.cpu())
            .train(
                HeadArchitecture.linear(d),
                data.pairs,
                data.pairs,
                BradleyTerryTrainer.Listener.NONE);

    ReferenceLinearHead reference =
        new ReferenceLinearHead(HeadWeights.initial(HeadArchitecture.linear(d), 4), config);
    List<Double> losses = new ArrayList<>();
    List<float[]> weights = new ArrayList<>();
    losses.add(reference.objective(data.pairs));
    weights.add(reference.weight());
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      reference.step(data.pairs);
      losses.add(reference.objective(data.pairs));
      weights.add(reference.weight());
    }

    assertThat(result.history()).hasSize(config.epochs() + 1);
    for (EpochMetrics metrics : result.history()) {
      assertThat(metrics.trainLoss())
          .as("loss after epoch %d", metrics.epoch())
          .isCloseTo(losses.get(metrics.epoch()), within(1e-5));
    }
    assertThat(result.weights().tensor(HeadArchitecture.LINEAR_WEIGHT))
        .containsExactly(weights.get(result.bestEpoch()), within(1e-5f));
  }

  @Test
  void shuffledMiniBatchesMatchAReferenceInTheSameOrder() {
    int d = 5;
    int n = 50;
    PlantedPairs data = PlantedPairs.draw(n, d, x -> 2 * x[1] - x[4], 23);
    TrainingConfig config = new TrainingConfig(4, 16, 0.05, 0.1, 0.3, 0.2, 100, 8);
    TrainingResult result =
        new BradleyTerryTrainer(config, Device.cpu())
            .train(
                HeadArchitecture.linear(d),
                data.pairs,
                data.pairs,
                BradleyTerryTrainer.Listener.NONE);

    // The documented order: a Fisher–Yates shuffle per epoch, drawn from one SplittableRandom
    // seeded with the training seed; batches of 16, 16, 16 and 2 pairs.
    ReferenceLinearHead reference =
        new ReferenceLinearHead(HeadWeights.initial(HeadArchitecture.linear(d), 8), config);
    SplittableRandom random = new SplittableRandom(8);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      reference.epoch(data.pairs, order, config.batchSize());
      assertThat(result.history().get(epoch).trainLoss())
          .as("loss after epoch %d", epoch)
          .isCloseTo(reference.objective(data.pairs), within(1e-5));
    }
  }

  @Test
  void sameSeedGivesIdenticalWeightsOnCpu() {
    PlantedPairs train = PlantedPairs.draw(1_000, 8, x -> x[0], 31);
    PlantedPairs dev = PlantedPairs.draw(200, 8, x -> x[0], 32);
    TrainingConfig config = new TrainingConfig(3, 64, 1e-2, 0.01, 0, 0, 10, 9);
    HeadArchitecture mlp = HeadArchitecture.mlp(8, 16, 0.3);
    BradleyTerryTrainer trainer = new BradleyTerryTrainer(config, Device.cpu());

    TrainingResult first =
        trainer.train(mlp, train.pairs, dev.pairs, BradleyTerryTrainer.Listener.NONE);
    TrainingResult second =
        trainer.train(mlp, train.pairs, dev.pairs, BradleyTerryTrainer.Listener.NONE);
    TrainingResult otherSeed =
        new BradleyTerryTrainer(config.withSeed(10), Device.cpu())
            .train(mlp, train.pairs, dev.pairs, BradleyTerryTrainer.Listener.NONE);

    for (String name : mlp.tensorShapes().keySet()) {
      assertThat(second.weights().tensor(name)).containsExactly(first.weights().tensor(name));
    }
    assertThat(otherSeed.weights().tensor(HeadArchitecture.FC1_WEIGHT))
        .isNotEqualTo(first.weights().tensor(HeadArchitecture.FC1_WEIGHT));
  }

  @Test
  void runawayLossStopsTrainingWithAdvice() {
    PlantedPairs data = PlantedPairs.draw(500, 4, x -> x[0], 41);
    TrainingConfig config = new TrainingConfig(5, 50, 1e6, 0, 0, 0, 10, 1);
    assertThatThrownBy(
            () ->
                new BradleyTerryTrainer(config, Device.cpu())
                    .train(
                        HeadArchitecture.mlp(4, 8, 0),
                        data.pairs,
                        data.pairs,
                        BradleyTerryTrainer.Listener.NONE))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("epoch 1")
        .hasMessageContaining("--lr");
  }

  @Test
  void stopsWhenTheDevAccuracyStopsImprovingAndKeepsTheBestEpoch() {
    PlantedPairs train = PlantedPairs.draw(2_000, 4, x -> 2 * x[0], 51);
    // Dev pairs prefer the opposite: every epoch of learning makes them worse.
    float[] flipped = train.pairs.values().clone();
    for (int i = 0; i < train.pairs.size(); i++) {
      int d = train.pairs.dimension();
      System.arraycopy(train.pairs.values(), (2 * i + 1) * d, flipped, 2 * i * d, d);
      System.arraycopy(train.pairs.values(), 2 * i * d, flipped, (2 * i + 1) * d, d);
    }
    FeaturePairs dev = new FeaturePairs(4, flipped);
    List<EpochMetrics> heard = new ArrayList<>();
    TrainingConfig config = new TrainingConfig(20, 100, 1e-2, 0, 0, 0, 2, 3);

    TrainingResult result =
        new BradleyTerryTrainer(config, Device.cpu())
            .train(HeadArchitecture.linear(4), train.pairs, dev, heard::add);

    assertThat(result.stoppedEarly()).isTrue();
    assertThat(result.history()).hasSize(3).isEqualTo(heard);
    assertThat(result.bestEpoch()).isZero();
    assertThat(result.weights().tensor(HeadArchitecture.LINEAR_WEIGHT))
        .containsExactly(
            HeadWeights.initial(HeadArchitecture.linear(4), 3)
                .tensor(HeadArchitecture.LINEAR_WEIGHT));
  }

  @Test
  void featuresOfTheWrongDimensionAreRejected() {
    PlantedPairs data = PlantedPairs.draw(10, 4, x -> x[0], 61);
    assertThatThrownBy(
            () ->
                new BradleyTerryTrainer(TrainingConfig.defaults(1), Device.cpu())
                    .train(
                        HeadArchitecture.linear(5),
                        data.pairs,
                        data.pairs,
                        BradleyTerryTrainer.Listener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 4")
        .hasMessageContaining("expects 5");
  }
}
