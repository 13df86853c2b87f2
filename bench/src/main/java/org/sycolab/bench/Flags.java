package org.sycolab.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --name} switches, the few the benchmark mains take. */
final class Flags {

  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args}.
   *
   * @param valued options that take a value
   * @param switches options that take none
   * @throws IllegalArgumentException on an unknown option or a missing value
   */
  static Flags parse(String[] args, Set<String> valued, Set<String> switches) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (switches.contains(name)) {
        values.put(name, "true");
      } else if (valued.contains(name)) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException(
            "unknown option '" + name + "'; options: " + List.copyOf(valued) + " " + switches);
      }
    }
    return new Flags(values);
  }

  /** Whether a switch was given. */
  boolean has(String name) {
    return values.containsKey(name);
  }

  /** An option's value, or {@code fallback}. */
  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** A whole-number option, or {@code fallback}. */
  long number(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a whole number, got '" + value + "'");
    }
  }

  /** A positive whole-number option that fits an int, or {@code fallback}. */
  int positive(String name, int fallback) {
    long value = number(name, fallback);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + ": expected a positive number, got " + value);
    }
    return (int) value;
  }
}
