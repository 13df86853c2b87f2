package org.sycolab.stage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.backbone.BackboneOptions;

/** Builds a config's equivalent {@code sycolab} command line, option by option. */
final class CommandLineWords {

  private final List<String> words = new ArrayList<>();

  /** A command line that starts with the command's words ({@code heads}, {@code diagnose}). */
  CommandLineWords(String... command) {
    words.addAll(List.of(command));
  }

  /** {@code name value}, unless the value is absent (null). */
  CommandLineWords option(String name, Object value) {
    if (value != null) {
      words.add(name);
      words.add(text(value));
    }
    return this;
  }

  /** {@code name a,b,c}, unless there are no values. */
  CommandLineWords joined(String name, List<?> values) {
    if (!values.isEmpty()) {
      option(name, String.join(",", values.stream().map(CommandLineWords::text).toList()));
    }
    return this;
  }

  /** {@code name a b c}, for an option that takes several values, unless there are none. */
  CommandLineWords repeated(String name, List<?> values) {
    if (!values.isEmpty()) {
      words.add(name);
      values.forEach(value -> words.add(text(value)));
    }
    return this;
  }

  /** {@code name} when {@code on}. */
  CommandLineWords flag(String name, boolean on) {
    if (on) {
      words.add(name);
    }
    return this;
  }

  /** Positional values. */
  CommandLineWords parameters(List<?> values) {
    values.forEach(value -> words.add(text(value)));
    return this;
  }

  /**
   * The options of a backbone that embeds: {@code --pooling} (left out for the architecture's
   * default), {@code --max-length}, {@code --dtype}, and {@code --no-normalize} when vectors are
   * not scaled to unit length.
   */
  CommandLineWords backbone(BackboneOptions options) {
    return option("--pooling", options.pooling() == null ? null : options.pooling().id())
        .option("--max-length", options.maxLength())
        .option("--dtype", options.precision().id())
        .flag("--no-normalize", !options.normalize());
  }

  List<String> words() {
    return List.copyOf(words);
  }

  /** A value as written by hand: 0.5, 1, 0.0001 (no exponent), a path as it is. */
  static String text(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
