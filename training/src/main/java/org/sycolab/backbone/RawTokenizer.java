package org.sycolab.backbone;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a {@code tokenizer.json} as the pair tokenizers use it: no special tokens added, no
 * truncation, no padding, so that they place special tokens and cut inputs themselves.
 */
public final class RawTokenizer {

  private RawTokenizer() {}

  /** Opens the file, naming it in the error when it is missing or cannot be loaded. */
  public static HuggingFaceTokenizer open(Path tokenizerJson) throws IOException {
    if (!Files.isRegularFile(tokenizerJson)) {
      throw new ModelFormatException(
          tokenizerJson, "missing; a model directory needs " + ModelDirectory.TOKENIZER);
    }
    try {
      return HuggingFaceTokenizer.builder()
          .optTokenizerPath(tokenizerJson)
          .optAddSpecialTokens(false)
          .optTruncation(false)
          .optPadding(false)
          .build();
    } catch (RuntimeException e) {
      throw new ModelFormatException(tokenizerJson, "cannot be loaded: " + e.getMessage());
    }
  }

  /** The ids of {@code text} without special tokens; none for the empty text. */
  public static long[] ids(HuggingFaceTokenizer tokenizer, String text) {
    return text.isEmpty() ? new long[0] : tokenizer.encode(text, false, false).getIds();
  }
}
