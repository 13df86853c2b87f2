package org.sycolab.backbone.reward;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.bert.BertConfig;
import org.sycolab.backbone.decoder.DecoderConfig;

/**
 * What a reward model's {@code config.json} says about its head: which sequence classifier it is,
 * that it has one output, and (for a decoder) the padding token that transformers skips when it
 * looks for the last token. Reading it refuses a causal LM, a bare encoder or a classifier with
 * several labels, naming the field and the reason.
 *
 * @param architecture the {@code architectures} entry, e.g. {@code Qwen2ForSequenceClassification}
 * @param modelType the {@code model_type}: llama, qwen2, mistral or bert
 * @param padTokenId {@code pad_token_id}, when the config gives one
 */
public record SequenceClassifier(String architecture, String modelType, OptionalInt padTokenId) {

  /** The sequence classifiers sycolab scores with, by the {@code model_type} each belongs to. */
  public static final Map<String, String> ARCHITECTURES =
      Map.of(
          "LlamaForSequenceClassification", "llama",
          "Qwen2ForSequenceClassification", "qwen2",
          "MistralForSequenceClassification", "mistral",
          "BertForSequenceClassification", BertConfig.MODEL_TYPE);

  /** Reads and checks a model directory's config. */
  public static SequenceClassifier read(HfConfig config) throws IOException {
    List<String> architectures = config.optionalStrings("architectures");
    String supported = String.join(", ", ARCHITECTURES.keySet().stream().sorted().toList());
    if (architectures.isEmpty()) {
      throw new ModelFormatException(
          config.file(),
          "architectures",
          "missing; a reward model's config names its sequence classifier (" + supported + ")");
    }
    String architecture = architectures.get(0);
    String modelType = config.modelType();
    String expectedType = ARCHITECTURES.get(architecture);
    if (expectedType == null) {
      throw new ModelFormatException(
          config.file(),
          "architectures",
          "'"
              + architecture
              + "' is "
              + (architecture.endsWith("ForCausalLM")
                  ? "a language model, not a reward model (its log-probs are `sycolab logprob`'s)"
                  : "not a sequence classifier sycolab can score with")
              + "; supported: "
              + supported);
    }
    if (!expectedType.equals(modelType)) {
      throw new ModelFormatException(
          config.file(),
          "model_type",
          "'" + modelType + "' does not match architectures '" + architecture + "'");
    }
    int labels = labels(config);
    if (labels != 1) {
      throw new ModelFormatException(
          config.file(),
          config.has("id2label") ? "id2label" : "num_labels",
          "gives "
              + labels
              + " labels; a reward model has one output (num_labels 1), which sycolab reads as"
              + " the reward");
    }
    OptionalInt pad =
        DecoderConfig.covers(modelType)
            ? config.optionalTokenId("pad_token_id")
            : OptionalInt.empty();
    return new SequenceClassifier(architecture, modelType, pad);
  }

  /**
   * The number of outputs: {@code id2label}'s entries, or {@code num_labels}, or transformers'
   * default of 2 when the config gives neither.
   */
  private static int labels(HfConfig config) {
    OptionalInt fromLabels = config.optionalObjectSize("id2label");
    if (fromLabels.isPresent()) {
      return fromLabels.getAsInt();
    }
    return config.optionalInt("num_labels", 2);
  }

  /** True for a Llama-family decoder, whose reward is read at the last token. */
  public boolean isDecoder() {
    return DecoderConfig.covers(modelType);
  }

  /**
   * The hidden state the head reads: the last token's for a decoder, the first ({@code [CLS]}) for
   * BERT, whose pooler then runs in the head.
   */
  public Pooling pooling() {
    return isDecoder() ? Pooling.LAST : Pooling.CLS;
  }
}
