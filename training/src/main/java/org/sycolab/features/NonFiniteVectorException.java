package org.sycolab.features;

import java.io.IOException;
import org.sycolab.data.PairText;

/**
 * The backbone gave a text a vector holding NaN or an infinity; it is refused before it reaches the
 * cache, so no later stage trains or scores on it.
 */
public final class NonFiniteVectorException extends IOException {

  private static final long serialVersionUID = 1L;

  private static final int PREVIEW = 40;

  /** The vector of {@code text} (content key {@code key}) holds {@code value} at {@code column}. */
  NonFiniteVectorException(String key, PairText text, int column, float value) {
    super(
        "the backbone gave the text with key "
            + key.substring(0, 12)
            + "… (response \""
            + preview(text.response())
            + "\") a vector holding "
            + value
            + " at column "
            + column
            + "; nothing of it was cached (half precision overflowing? try --dtype float32)");
  }

  private static String preview(String response) {
    String line = response.replaceAll("\\s+", " ").strip();
    return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW) + "…";
  }
}
