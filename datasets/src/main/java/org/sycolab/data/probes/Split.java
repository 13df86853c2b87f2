package org.sycolab.data.probes;

import java.util.Locale;

/** Train, dev and test splits, assigned by template so held-out data uses unseen phrasings. */
public enum Split {
  TRAIN,
  DEV,
  TEST;

  /** The name used in metadata. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The split of the template at {@code index} among {@code count} templates of a family: the last
   * template is test, the one before it dev, the rest train.
   */
  public static Split ofTemplate(int index, int count) {
    if (index == count - 1) {
      return TEST;
    }
    return index == count - 2 ? DEV : TRAIN;
  }
}
