package org.sycolab.data.formats;

import java.nio.file.Path;
import java.util.Locale;

/** Names derived from source files and fields: file stems for ids, slugs for domains. */
final class SourceNames {

  private SourceNames() {}

  /** The file name without its last extension: {@code answers.jsonl} gives {@code answers}. */
  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The file name, for {@code meta.source}. */
  static String fileName(Path file) {
    return file.getFileName().toString();
  }

  /**
   * Lower case, runs of other characters as one dash: {@code Misconceptions: Topical} gives {@code
   * misconceptions-topical}.
   */
  static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
