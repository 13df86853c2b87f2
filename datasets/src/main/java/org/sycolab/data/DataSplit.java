package org.sycolab.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The split a pair or pool belongs to: its {@code meta.split} (the generator sets train, dev and
 * test by template and domain), or, for data without one, a split by prompt content — 80% train,
 * 10% dev, 10% test — so that pairs and pools sharing a prompt always land together.
 */
public enum DataSplit {
  /** Pairs the head learns from. */
  TRAIN,
  /** Pairs early stopping follows. */
  DEV,
  /** Held-out pairs and pools, for reporting. */
  TEST;

  /** The name used in metadata and tables. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code train}, {@code dev} or {@code test}. */
  public static Optional<DataSplit> parse(String text) {
    for (DataSplit split : values()) {
      if (split.id().equals(text)) {
        return Optional.of(split);
      }
    }
    return Optional.empty();
  }

  /** The split named by the pair's {@code meta.split}, when it has one. */
  public static Optional<DataSplit> declared(PreferencePair pair) {
    return declared("pair", pair.id(), pair.meta());
  }

  /** The declared split, or the one the prompt's content falls in. */
  public static DataSplit of(PreferencePair pair) {
    return declared(pair).orElseGet(() -> byPrompt(pair.prompt()));
  }

  /** The pool's declared split, or the one its prompt's content falls in. */
  public static DataSplit of(CandidatePool pool) {
    return declared("pool", pool.id(), pool.meta()).orElseGet(() -> byPrompt(pool.prompt()));
  }

  private static Optional<DataSplit> declared(String kind, String id, Map<String, Object> meta) {
    Object value = meta.get("split");
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        parse(value.toString())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        kind
                            + " '"
                            + id
                            + "': meta.split must be train, dev or test, got '"
                            + value
                            + "'")));
  }

  private static DataSplit byPrompt(List<Turn> prompt) {
    String key = PairText.promptKey(prompt);
    int bucket = (int) (Long.parseLong(key.substring(0, 8), 16) % 10);
    return bucket < 8 ? TRAIN : bucket == 8 ? DEV : TEST;
  }
}
