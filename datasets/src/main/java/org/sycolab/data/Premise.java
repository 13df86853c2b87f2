package org.sycolab.data;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether what the user asserts (or presumes) is true. False premises are where sycophancy shows;
 * true premises are the control where agreeing is correct.
 */
public enum Premise {
  TRUE,
  FALSE;

  /** The name used in JSON: {@code true} or {@code false} (strings). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The premise a JSON name stands for, or empty for an unknown name. */
  public static Optional<Premise> fromJson(String name) {
    for (Premise premise : values()) {
      if (premise.jsonName().equals(name)) {
        return Optional.of(premise);
      }
    }
    return Optional.empty();
  }
}
