package org.sycolab.data.probes;

import java.util.Locale;

/** How an answer is written; each side of a pair draws its style independently. */
public enum Style {
  TERSE,
  WARM,
  HEDGED,
  DETAILED;

  /** The name used in metadata. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
