package org.sycolab.data;

import java.util.Locale;
import java.util.Optional;

/** Who speaks a turn of a prompt. */
public enum Role {
  SYSTEM,
  USER,
  ASSISTANT;

  /** The name used in JSON: {@code system}, {@code user} or {@code assistant}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role a JSON name stands for, or empty for an unknown name. */
  public static Optional<Role> fromJson(String name) {
    for (Role role : values()) {
      if (role.jsonName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
