package org.sycolab.backbone;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a sequence of hidden states becomes one vector. */
public enum Pooling {
  /** Mean over the non-padding tokens: how sentence encoders are used. */
  MEAN,
  /** The hidden state of the first token ({@code [CLS]}). */
  CLS,
  /** The hidden state of the last non-padding token: how decoder reward models read a sequence. */
  LAST;

  /** The name used on the command line and in fingerprints. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every id, comma-separated, for help texts and errors. */
  public static String ids() {
    return Arrays.stream(values()).map(Pooling::id).collect(Collectors.joining(", "));
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
