package org.sycolab.heads;

import java.util.Locale;
import java.util.Optional;
import org.sycolab.backbone.PairText;
import org.sycolab.data.PreferencePair;

/**
 * The split a pair belongs to: its {@code meta.split} (the generator sets train, dev and test by
 * template and domain), or, for data without one, a split by prompt content — 80% train, 10% dev,
 * 10% test — so that pairs sharing a prompt always land together.
 */
public enum PairSplit {
  /** Pairs the head learns from. */
  TRAIN,
  /** Pairs early stopping follows. */
  DEV,
  /** Held-out pairs, reported only. */
  TEST;

  /** The name used in metadata and tables. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The split named by the pair's {@code meta.split}, when it has one. */
  public static Optional<PairSplit> declared(PreferencePair pair) {
    return pair.metaString("split")
        .map(
            value -> {
              for (PairSplit split : values()) {
                if (split.id().equals(value)) {
                  return split;
                }
              }
              throw new IllegalArgumentException(
                  "pair '"
                      + pair.id()
                      + "': meta.split must be train, dev or test, got '"
                      + value
                      + "'");
            });
  }

  /** The declared split, or the one the prompt's content falls in. */
  public static PairSplit of(PreferencePair pair) {
    return declared(pair).orElseGet(() -> byPrompt(pair));
  }

  private static PairSplit byPrompt(PreferencePair pair) {
    String key = new PairText(pair.prompt(), "").contentKey();
    int bucket = (int) (Long.parseLong(key.substring(0, 8), 16) % 10);
    return bucket < 8 ? TRAIN : bucket == 8 ? DEV : TEST;
  }
}
