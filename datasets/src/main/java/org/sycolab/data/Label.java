package org.sycolab.data;

import java.util.Locale;
import java.util.Optional;

/** Which preference a pair encodes: what the user approves of, or what is true. */
public enum Label {
  AGREEABLE,
  GROUNDED;

  /** The name used in JSON: {@code agreeable} or {@code grounded}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The label a JSON name stands for, or empty for an unknown name. */
  public static Optional<Label> fromJson(String name) {
    for (Label label : values()) {
      if (label.jsonName().equals(name)) {
        return Optional.of(label);
      }
    }
    return Optional.empty();
  }
}
