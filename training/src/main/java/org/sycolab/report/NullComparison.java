package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the learned grounded head buys more truth than a content-blind selector (agree, disagree,
 * longest) in its place, in plain words: a head whose truthful rate does not clear a null's
 * interval has not shown that it reads more than that null does.
 */
final class NullComparison {

  private NullComparison() {}

  /**
   * The sentence for one setting.
   *
   * @param setting where it is read, e.g. "best-of-16 at λ = 0"
   * @param head the learned grounded head's truthful rate there
   * @param nulls each content-blind selector's truthful rate there, by name, in order
   */
  static String describe(String setting, Stat head, Map<String, Stat> nulls) {
    List<String> matched = new ArrayList<>();
    List<String> beaten = new ArrayList<>();
    for (Map.Entry<String, Stat> entry : nulls.entrySet()) {
      Stat stat = entry.getValue();
      double upper = stat.hasInterval() ? stat.hi() : stat.value();
      String named = entry.getKey() + " " + Numbers.rate(stat);
      (head.value() <= upper ? matched : beaten).add(named);
    }
    String rate = Numbers.rate(head);
    if (matched.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "%s the learned grounded head's truthful rate, %s, is above the interval of every"
              + " content-blind selector in its place (%s).",
          capitalised(setting),
          rate,
          String.join("; ", beaten));
    }
    return String.format(
        Locale.ROOT,
        "%s the learned grounded head's truthful rate, %s, does not clear the interval of %s: on"
            + " these pools the head has not shown more truth than that content-blind selector"
            + " buys, so read its pull with care.",
        capitalised(setting),
        rate,
        String.join("; ", matched));
  }

  private static String capitalised(String setting) {
    return Character.toUpperCase(setting.charAt(0)) + setting.substring(1) + ",";
  }
}
