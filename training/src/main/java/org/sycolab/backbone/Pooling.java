package org.sycolab.backbone;

import java.util.Locale;

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
}
