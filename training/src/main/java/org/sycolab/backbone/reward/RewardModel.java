package org.sycolab.backbone.reward;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.FingerprintRecipe;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.Truncation;
import org.sycolab.backbone.bert.BertBackbone;
import org.sycolab.backbone.bert.BertConfig;
import org.sycolab.backbone.decoder.DecoderBackbone;
import org.sycolab.backbone.decoder.DecoderConfig;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/**
 * A user's reward model described without loading its backbone: the backbone that gives the hidden
 * state its head reads (the last token's final-norm state of a decoder, BERT's {@code [CLS]}
 * state), the head itself, read once in double precision, and a fingerprint of both, under which
 * the hidden states are cached.
 *
 * @param backbone the backbone, its fingerprint that of the reward model
 * @param classifier what the config says about the head
 * @param head the score head
 */
public record RewardModel(BackboneSpec backbone, SequenceClassifier classifier, ScoreHead head) {

  /**
   * Version of what the files do not say about a reward: where it is read and how the head is
   * applied. Bump it with any change that moves a reward.
   */
  public static final String FINGERPRINT_VERSION = "sycolab-reward-v1";

  /**
   * Describes the reward model in {@code reference} (a model directory): checks it is a sequence
   * classifier with one output, reads its head, and describes its backbone with the pooling the
   * head needs, unnormalised.
   *
   * @param maxLength the most tokens per conversation, capped by the model
   * @param cacheRoot where weight digests are kept
   */
  public static RewardModel describe(
      String reference, int maxLength, Precision precision, Path cacheRoot) throws IOException {
    ModelDirectory dir = Backbones.resolve(reference, cacheRoot);
    SequenceClassifier classifier;
    ScoreHead head;
    // Weights first: a directory of pickled weights is refused before its config is examined.
    try (ShardedSafetensors weights = dir.openWeights()) {
      HfConfig config = HfConfig.read(dir.path());
      classifier = SequenceClassifier.read(config);
      head =
          classifier.isDecoder()
              ? decoderHead(weights, classifier, DecoderConfig.from(config).hiddenSize())
              : bertHead(weights, BertConfig.from(config).hiddenSize());
    }
    BackboneSpec hidden =
        Backbones.describe(
            reference,
            new BackboneOptions(classifier.pooling(), false, maxLength, precision),
            cacheRoot);
    FingerprintRecipe recipe =
        new FingerprintRecipe(FINGERPRINT_VERSION)
            .add("backbone", hidden.fingerprint())
            .add("architecture", classifier.architecture())
            .add("truncation", Truncation.KEEP_RESPONSE.name())
            .add(
                "pad_token_id",
                classifier.padTokenId().isPresent() ? classifier.padTokenId().getAsInt() : "none");
    return new RewardModel(
        new BackboneSpec(
            hidden.reference(),
            hidden.directory(),
            hidden.modelType(),
            hidden.options(),
            recipe.sha256()),
        classifier,
        head);
  }

  /** The reward model's fingerprint: its backbone's, its head's and where the reward is read. */
  public String fingerprint() {
    return backbone.fingerprint();
  }

  /**
   * Loads the backbone onto {@code device}; a decoder's inputs lose their trailing padding tokens
   * first, so the last token is the last that is not {@code pad_token_id}, as transformers reads
   * it.
   */
  public RewardBackbone open(Device device) throws IOException {
    Backbone loaded =
        classifier.isDecoder()
            ? DecoderBackbone.load(backbone, device, Truncation.KEEP_RESPONSE)
            : BertBackbone.load(backbone, device, Truncation.KEEP_RESPONSE);
    return new RewardBackbone(loaded, classifier.padTokenId());
  }

  private static ScoreHead decoderHead(
      ShardedSafetensors weights, SequenceClassifier classifier, int hidden) {
    double[] weight = row(weights, "score.weight", hidden, classifier.architecture());
    double bias =
        weights.contains("score.bias") ? vector(weights, "score.bias", 1, "the score bias")[0] : 0;
    return new ScoreHead.Linear(weight, bias);
  }

  private static ScoreHead bertHead(ShardedSafetensors weights, int hidden) {
    String prefix = weights.contains("pooler.dense.weight") ? "" : "bert.";
    String architecture = "BertForSequenceClassification";
    double[] pooler = matrix(weights, prefix + "pooler.dense.weight", hidden, hidden, architecture);
    double[] poolerBias = vector(weights, prefix + "pooler.dense.bias", hidden, architecture);
    double[] weight = row(weights, "classifier.weight", hidden, architecture);
    double bias = vector(weights, "classifier.bias", 1, architecture)[0];
    return new ScoreHead.PooledLinear(pooler, poolerBias, weight, bias);
  }

  /** A (1,H) head weight; a wider head (several labels) is refused. */
  private static double[] row(ShardedSafetensors weights, String name, int hidden, String owner) {
    return matrix(weights, name, 1, hidden, owner);
  }

  private static double[] vector(ShardedSafetensors weights, String name, int size, String owner) {
    return read(weights, name, new long[] {size}, owner);
  }

  private static double[] matrix(
      ShardedSafetensors weights, String name, int rows, int columns, String owner) {
    return read(weights, name, new long[] {rows, columns}, owner);
  }

  private static double[] read(
      ShardedSafetensors weights, String name, long[] shape, String owner) {
    if (!weights.contains(name)) {
      throw new ModelFormatException(
          weights.source(), name, "missing from the weights (" + owner + "'s reward head)");
    }
    long[] actual = weights.info(name).shape();
    if (!Arrays.equals(actual, shape)) {
      throw new ModelFormatException(
          weights.source(),
          name,
          "has shape "
              + Arrays.toString(actual)
              + " but a one-output reward head has "
              + Arrays.toString(shape));
    }
    float[] values = weights.readFloats(name);
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }
}
