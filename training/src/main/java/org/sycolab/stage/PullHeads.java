package org.sycolab.stage;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.PairText;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.HeadScorer;
import org.sycolab.heads.SavedHead;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.RewardScores;
import org.sycolab.run.RunLayout;

/**
 * The heads a pull scores with: agreeable and grounded heads paired by the training seed in their
 * {@code head.json}, or grounded heads alone (an audited reward stands in for the agreeable head),
 * all on one backbone, scoring every candidate through the feature cache.
 */
final class PullHeads {

  /**
   * The heads of one seed, named as a replicate ({@code seed<s>}); no agreeable head where an
   * audited reward stands in for it.
   */
  private record Pair(String name, Optional<SavedHead> agreeable, SavedHead grounded) {}

  private final List<Pair> pairs;

  private PullHeads(List<Pair> pairs) {
    this.pairs = pairs;
  }

  /**
   * Reads the head directories and pairs them by seed. Warns when a head of the other single label
   * stands in for one (likely swapped options) and when a single pair mixes seeds.
   *
   * @throws IllegalArgumentException when the heads cannot be paired one of each per seed
   */
  static PullHeads read(PullConfig.Heads heads, StageConsole console) throws IOException {
    List<SavedHead> agreeable = readAll(heads.agreeable(), console);
    List<SavedHead> grounded = readAll(heads.grounded(), console);
    warnOnLabel(agreeable, "agreeable", console);
    warnOnLabel(grounded, "grounded", console);
    if (agreeable.size() != grounded.size()) {
      throw new IllegalArgumentException(
          agreeable.size()
              + " --agreeable heads but "
              + grounded.size()
              + " --grounded heads; give one of each per seed");
    }
    if (agreeable.size() == 1) {
      long agreeableSeed = seed(agreeable.get(0));
      long groundedSeed = seed(grounded.get(0));
      if (agreeableSeed != groundedSeed) {
        console.warn(
            "pairing heads of different seeds ("
                + agreeable.get(0).directory()
                + ": "
                + agreeableSeed
                + ", "
                + grounded.get(0).directory()
                + ": "
                + groundedSeed
                + ")");
      }
      return new PullHeads(
          List.of(
              new Pair(
                  RunLayout.replicate(agreeableSeed),
                  Optional.of(agreeable.get(0)),
                  grounded.get(0))));
    }
    List<Pair> pairs = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (SavedHead a : agreeable) {
      long headSeed = seed(a);
      if (!seen.add(headSeed)) {
        throw new IllegalArgumentException(
            "two --agreeable heads have seed " + headSeed + "; give one head per seed");
      }
      SavedHead match =
          grounded.stream()
              .filter(g -> seed(g) == headSeed)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no --grounded head has seed "
                              + headSeed
                              + " (of "
                              + a.directory()
                              + "); heads are paired by the seed in head.json"));
      pairs.add(new Pair(RunLayout.replicate(headSeed), Optional.of(a), match));
    }
    return new PullHeads(pairs);
  }

  /**
   * Reads grounded heads for an audited reward to be weighed against, one replicate per head in the
   * order given. Warns when an agreeable head stands in for a grounded one.
   *
   * @throws IllegalArgumentException when two heads have the same seed
   */
  static PullHeads grounded(List<Path> dirs, StageConsole console) throws IOException {
    List<SavedHead> grounded = readAll(dirs, console);
    warnOnLabel(grounded, "grounded", console);
    List<Pair> pairs = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (SavedHead head : grounded) {
      long headSeed = seed(head);
      if (!seen.add(headSeed)) {
        throw new IllegalArgumentException(
            "two --grounded heads have seed " + headSeed + "; give one head per seed");
      }
      pairs.add(new Pair(RunLayout.replicate(headSeed), Optional.empty(), head));
    }
    return new PullHeads(pairs);
  }

  private static List<SavedHead> readAll(List<Path> dirs, StageConsole console) throws IOException {
    List<SavedHead> heads = new ArrayList<>();
    for (Path dir : dirs) {
      heads.add(HeadDirectory.read(dir, console::warn));
    }
    return heads;
  }

  private static long seed(SavedHead head) {
    return head.card().training().seed();
  }

  /**
   * Warns when a head of the other single label stands in for {@code label}: likely swapped
   * options. A mixture head stands in on purpose (the mixture ablation), so it passes quietly.
   */
  private static void warnOnLabel(List<SavedHead> heads, String label, StageConsole console) {
    String other = label.equals("agreeable") ? "grounded" : "agreeable";
    for (SavedHead head : heads) {
      if (head.card().label().equals(other)) {
        console.warn(
            head.directory()
                + " was trained on label "
                + head.card().label()
                + " but is used as the "
                + label
                + " head");
      }
    }
  }

  /** How many seeds: one replicate each. */
  int size() {
    return pairs.size();
  }

  /** Every head, each seed's agreeable head (where it has one) before its grounded one. */
  List<SavedHead> all() {
    List<SavedHead> all = new ArrayList<>();
    for (Pair pair : pairs) {
      pair.agreeable().ifPresent(all::add);
      all.add(pair.grounded());
    }
    return all;
  }

  /** The backbone every head was trained on; see {@link HeadBackbone#resolve}. */
  BackboneSpec backbone(String model) throws IOException {
    return HeadBackbone.resolve(all(), model);
  }

  /**
   * Each seed's scores of every candidate of {@code pools}, from the features of {@code backbone}
   * (cached, or embedded and cached). Where a seed has no agreeable head, the audited reward given
   * for it stands in.
   *
   * @param audited the audited reward's raw scores per seed, in the order the heads were given;
   *     empty when every seed has its agreeable head
   */
  List<RewardScores> score(
      List<CandidatePool> pools,
      PoolSet poolSet,
      BackboneSpec backbone,
      Device device,
      EncoderEngine engine,
      int batchSize,
      List<double[]> audited,
      StageConsole console)
      throws IOException {
    List<PairText> texts = FeatureVectors.texts(pools);
    Map<PairText, float[]> vectors =
        FeatureVectors.of(texts, backbone, device, engine, batchSize, console);
    float[][] features = FeatureVectors.lookup(texts, vectors);
    List<RewardScores> replicates = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Pair pair = pairs.get(i);
      double[] agreeable =
          pair.agreeable().isPresent()
              ? score(pair.agreeable().get(), features, poolSet, device)
              : audited.get(i);
      replicates.add(
          new RewardScores(
              pair.name(), agreeable, score(pair.grounded(), features, poolSet, device)));
    }
    return replicates;
  }

  /** The head's score of every candidate; a score that is not finite is refused, named. */
  private static double[] score(
      SavedHead head, float[][] features, PoolSet poolSet, Device device) {
    float[] scores;
    try (HeadScorer scorer = new HeadScorer(head.weights(), device)) {
      scores = scorer.score(features);
    }
    double[] widened = new double[scores.length];
    for (int p = 0; p < poolSet.size(); p++) {
      for (int c = 0; c < poolSet.poolSize(p); c++) {
        int i = poolSet.start(p) + c;
        if (!Float.isFinite(scores[i])) {
          throw new IllegalStateException(
              head.directory()
                  + " scores pool '"
                  + poolSet.id(p)
                  + "' candidate "
                  + c
                  + " as "
                  + scores[i]
                  + "; its weights or the features are broken");
        }
        widened[i] = scores[i];
      }
    }
    return widened;
  }
}
