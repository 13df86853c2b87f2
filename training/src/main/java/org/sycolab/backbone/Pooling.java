package org.sycolab.backbone;

import java.util.Locale;
import java.util.Optional;

/** How a sequence of hidden states becomes one vector. */
public enum Pooling {
  /** Mean over the non-padding tokens. */
  MEAN,
  /** The hidden state of the first token ({@code [CLS]}). */
  CLS;

  /** The name used on the command line and in fingerprints. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The pooling named by {@link #id()}, or empty. */
  public static Optional<Pooling> parse(String id) {
    for (Pooling pooling : values()) {
      if (pooling.id().equals(id)) {
        return Optional.of(pooling);
      }
    }
    return Optional.empty();
  }
}
