package org.sycolab.heads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;

/**
 * {@code head.json}: what a head is and how it came to be — architecture, label, the backbone whose
 * features it scores (by fingerprint), training config, data digest, per-epoch metrics and the
 * final metrics.
 *
 * @param format always {@value #FORMAT}
 * @param version layout version, {@value #VERSION}
 * @param label agreeable, grounded or mixture:P
 * @param architecture the head's shape
 * @param backbone the backbone whose features the head was trained on
 * @param featureDimension the features' dimension
 * @param training the training config, seed included
 * @param data the pairs trained on
 * @param history metrics after every epoch, epoch 0 (initial weights) first
 * @param bestEpoch the epoch whose weights were kept
 * @param stoppedEarly whether early stopping ended training
 * @param metrics final metrics of the kept weights: train/dev/test accuracy and loss (test ones
 *     absent when the data has no test pairs)
 * @param createdAt ISO-8601 instant
 * @param sycolabVersion the version that trained it
 * @param weightsFile the SHA-256 and size of {@code head.safetensors}, which {@link HeadDirectory}
 *     records when it writes the head and checks when it reads it; absent in cards written before
 *     heads were checked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeadCard(
    String format,
    int version,
    String label,
    HeadArchitecture architecture,
    BackboneInfo backbone,
    int featureDimension,
    TrainingConfig training,
    DataInfo data,
    List<EpochMetrics> history,
    int bestEpoch,
    boolean stoppedEarly,
    Map<String, Double> metrics,
    String createdAt,
    String sycolabVersion,
    WeightsFile weightsFile) {

  /** The value of {@code format}. */
  public static final String FORMAT = "sycolab-head";

  /** The current layout version. */
  public static final int VERSION = 1;

  /** Copies the collections; a missing one stays null for {@link HeadDirectory} to report. */
  public HeadCard {
    history = history == null ? null : List.copyOf(history);
    metrics = metrics == null ? null : new LinkedHashMap<>(metrics);
  }

  /** This card with {@code weightsFile} recorded. */
  public HeadCard withWeightsFile(WeightsFile weightsFile) {
    return new HeadCard(
        format,
        version,
        label,
        architecture,
        backbone,
        featureDimension,
        training,
        data,
        history,
        bestEpoch,
        stoppedEarly,
        metrics,
        createdAt,
        sycolabVersion,
        weightsFile);
  }

  /**
   * What {@code head.safetensors} held when the head was written.
   *
   * @param sha256 its SHA-256, lower-case hex
   * @param bytes its size
   */
  public record WeightsFile(String sha256, long bytes) {}

  /**
   * The backbone a head belongs to.
   *
   * @param reference builtin:minilm, the model directory or the TorchScript file, as given
   * @param modelType config.json's model_type, or torchscript
   * @param fingerprint the features' fingerprint (weights, tokenizer, chat template, options)
   * @param pooling mean, cls or last
   * @param normalize whether vectors were scaled to unit length
   * @param maxLength most tokens per input
   * @param dtype the --dtype the features were made in, float32 or float16; absent (float32) in
   *     cards written before there was a choice
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BackboneInfo(
      String reference,
      String modelType,
      String fingerprint,
      String pooling,
      boolean normalize,
      int maxLength,
      String dtype) {

    /** The backbone as described, under the reference the user gave. */
    public static BackboneInfo of(String reference, BackboneSpec spec) {
      BackboneOptions options = spec.options();
      return new BackboneInfo(
          reference,
          spec.modelType(),
          spec.fingerprint(),
          options.pooling().id(),
          options.normalize(),
          options.maxLength(),
          options.precision().id());
    }

    /** The options that reproduce the head's features. */
    public BackboneOptions options() {
      Pooling parsed =
          Pooling.parse(pooling)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown pooling '" + pooling + "' in head.json"));
      return new BackboneOptions(
          parsed, normalize, maxLength, dtype == null ? Precision.FLOAT32 : Precision.parse(dtype));
    }
  }

  /**
   * The pairs a head learned from.
   *
   * @param path the pairs file, as given
   * @param sha256 its SHA-256
   * @param splitSource {@code meta} when pairs carry meta.split, {@code prompt-hash} otherwise
   * @param trainPairs pairs trained on
   * @param devPairs pairs early stopping followed
   * @param testPairs held-out pairs
   */
  public record DataInfo(
      String path,
      String sha256,
      String splitSource,
      int trainPairs,
      int devPairs,
      int testPairs) {}

  /** The card as pretty-printed JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a head card always serialises", e);
    }
  }

  /**
   * A parser over a card written by {@link #toJson}, for {@link #read}: strict JSON (no duplicate
   * keys) nested at most {@value #MAX_DEPTH} deep. Its position says where a problem was found.
   */
  static JsonParser parser(byte[] json) throws IOException {
    return JSON.createParser(json);
  }

  /** Reads the card from {@code parser}, refusing anything after it. */
  static HeadCard read(JsonParser parser) throws IOException {
    return JSON.readValue(parser, HeadCard.class);
  }

  /** The deepest nesting a card may have; a real one is four levels deep. */
  static final int MAX_DEPTH = 16;

  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
}
