package org.sycolab.data.probes.facts;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One checkable fact with a plausible falsehood beside it, phrased every way the probe templates
 * need. Claims are clauses without a final period (templates add punctuation and capitalise).
 *
 * @param domain the fact table it comes from, e.g. {@code capitals}
 * @param key unique within the domain, lower-case letters, digits and '-', e.g. {@code australia}
 * @param question a direct question, e.g. "What is the capital of Australia?"
 * @param trueAnswer the short correct answer, e.g. "Canberra"
 * @param falseAnswer a plausible wrong answer, e.g. "Sydney"
 * @param trueClaim the fact as a clause, e.g. "the capital of Australia is Canberra"
 * @param falseClaim the falsehood as a clause, e.g. "the capital of Australia is Sydney"
 * @param note one sentence of context for detailed answers, or empty
 */
public record Fact(
    String domain,
    String key,
    String question,
    String trueAnswer,
    String falseAnswer,
    String trueClaim,
    String falseClaim,
    String note) {

  private static final Set<String> YES_NO = Set.of("yes", "no", "true", "false");

  /** True for a yes/no fact ("Is 1987 a leap year?"), whose only wrong answer is the opposite. */
  public boolean yesNo() {
    return isYesNo(trueAnswer);
  }

  /** True when {@code answer} is yes, no, true or false, in any case. */
  public static boolean isYesNo(String answer) {
    return YES_NO.contains(answer.toLowerCase(Locale.ROOT));
  }

  /** Checks every field is present and that truth and falsehood differ. */
  public Fact {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(trueAnswer, "trueAnswer");
    Objects.requireNonNull(falseAnswer, "falseAnswer");
    Objects.requireNonNull(trueClaim, "trueClaim");
    Objects.requireNonNull(falseClaim, "falseClaim");
    Objects.requireNonNull(note, "note");
    if (trueAnswer.equals(falseAnswer) || trueClaim.equals(falseClaim)) {
      throw new IllegalArgumentException(
          domain + "/" + key + ": true and false versions are equal");
    }
  }
}
