package org.sycolab.backbone.bert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelFormatException;

/**
 * The architecture of a BERT-family encoder, as {@code config.json} states it.
 *
 * @param vocabSize rows of the word embedding
 * @param hiddenSize width of every layer
 * @param layers number of transformer layers
 * @param heads attention heads per layer; must divide {@code hiddenSize}
 * @param intermediateSize width of the feed-forward layer
 * @param maxPositions rows of the position embedding, the longest input the model takes
 * @param typeVocabSize rows of the token-type embedding
 * @param layerNormEps epsilon of every LayerNorm
 */
public record BertConfig(
    int vocabSize,
    int hiddenSize,
    int layers,
    int heads,
    int intermediateSize,
    int maxPositions,
    int typeVocabSize,
    double layerNormEps) {

  /** The {@code model_type} values this architecture serves. */
  public static final String MODEL_TYPE = "bert";

  /** Checks the invariants that the tensor shapes depend on. */
  public BertConfig {
    if (hiddenSize % heads != 0) {
      throw new IllegalArgumentException(
          "hidden_size " + hiddenSize + " is not divisible by num_attention_heads " + heads);
    }
  }

  /** Width of one attention head. */
  public int headSize() {
    return hiddenSize / heads;
  }

  /** Reads the fields of a BERT {@code config.json}; refuses activations other than GELU. */
  public static BertConfig from(HfConfig config) {
    String act = config.optionalString("hidden_act").orElse("gelu");
    if (!act.equals("gelu")) {
      throw new ModelFormatException(
          config.file(), "hidden_act", "'" + act + "' is not supported (only 'gelu', erf form)");
    }
    String embeddingType = config.optionalString("position_embedding_type").orElse("absolute");
    if (!embeddingType.equals("absolute")) {
      throw new ModelFormatException(
          config.file(),
          "position_embedding_type",
          "'" + embeddingType + "' is not supported (only 'absolute')");
    }
    int hidden = config.requiredInt("hidden_size");
    int heads = config.requiredInt("num_attention_heads");
    if (hidden % heads != 0) {
      throw new ModelFormatException(
          config.file(), "num_attention_heads", heads + " does not divide hidden_size " + hidden);
    }
    int typeVocab = config.optionalInt("type_vocab_size", 2);
    if (typeVocab < 2) {
      throw new ModelFormatException(
          config.file(),
          "type_vocab_size",
          typeVocab + ": a cross-encoded pair needs token types 0 and 1");
    }
    int positions = config.requiredInt("max_position_embeddings");
    if (positions < 8) {
      throw new ModelFormatException(
          config.file(), "max_position_embeddings", positions + " is too short (at least 8)");
    }
    return new BertConfig(
        config.requiredInt("vocab_size"),
        hidden,
        config.requiredInt("num_hidden_layers"),
        heads,
        config.requiredInt("intermediate_size"),
        positions,
        typeVocab,
        config.optionalDouble("layer_norm_eps", 1e-12));
  }

  /** The fields of a Hugging Face {@code config.json} describing this architecture. */
  public Map<String, Object> toHfJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model_type", MODEL_TYPE);
    json.put("architectures", List.of("BertModel"));
    json.put("vocab_size", vocabSize);
    json.put("hidden_size", hiddenSize);
    json.put("num_hidden_layers", layers);
    json.put("num_attention_heads", heads);
    json.put("intermediate_size", intermediateSize);
    json.put("max_position_embeddings", maxPositions);
    json.put("type_vocab_size", typeVocabSize);
    json.put("layer_norm_eps", layerNormEps);
    json.put("hidden_act", "gelu");
    json.put("position_embedding_type", "absolute");
    return json;
  }
}
