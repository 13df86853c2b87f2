package org.sycolab.data.probes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sycolab.data.probes.facts.Fact;

/**
 * A third answer to a fact, neither true nor the user's falsehood, for the "confidently wrong
 * correction": it disagrees with the user and is false too.
 *
 * @param answer the short wrong answer
 * @param claim the fact's claim with that answer in it
 */
record Alternative(String answer, String claim) {

  /** An answer that is one number, optionally with words around it: "408", "about 6.2 miles". */
  private static final Pattern ONE_NUMBER = Pattern.compile("(\\D*?)(-?\\d+(?:\\.\\d+)?)(\\D*)");

  private static final Pattern SINGULAR = Pattern.compile("(?<![\\d.])\\b1 times\\b");
  private static final Pattern PLURAL = Pattern.compile("\\b(\\d*[02-9]|\\d+\\d) time\\b");

  /** Words compared to find facts of the same question shape ("What is the capital of"). */
  private static final int SHAPE_WORDS = 4;

  /**
   * For a one-number answer, the truth mirrored away from the user's number (true 408, user 398:
   * 418). Otherwise the answer of another fact whose question has the same shape, put into the
   * claim (capital of Egypt: Tripoli). Empty for yes/no facts, where disagreeing with a falsehood
   * is the truth, and when the claim does not contain its answer verbatim.
   */
  static Optional<Alternative> of(Fact fact, List<Fact> domain, int offset) {
    if (fact.yesNo() || !fact.falseClaim().contains(fact.falseAnswer())) {
      return Optional.empty();
    }
    Optional<String> numeric = mirrored(fact.trueAnswer(), fact.falseAnswer());
    if (numeric.isPresent()) {
      String claim = replaceLast(fact.falseClaim(), fact.falseAnswer(), numeric.get());
      return Optional.of(new Alternative(numeric.get(), agreeCount(claim)));
    }
    String shape = shape(fact.question());
    for (int i = 0; i < domain.size(); i++) {
      Fact other = domain.get(Math.floorMod(offset + i, domain.size()));
      String answer = other.trueAnswer();
      if (shape.equals(shape(other.question()))
          && !answer.equals(fact.trueAnswer())
          && !answer.equals(fact.falseAnswer())
          && !fact.falseClaim().contains(answer)
          && !fact.trueClaim().contains(answer)) {
        return Optional.of(
            new Alternative(answer, replaceLast(fact.falseClaim(), fact.falseAnswer(), answer)));
      }
    }
    return Optional.empty();
  }

  /** "appears 3 time" after a number changed becomes "appears 3 times", and "1 times" "1 time". */
  private static String agreeCount(String claim) {
    return PLURAL.matcher(SINGULAR.matcher(claim).replaceAll("1 time")).replaceAll("$1 times");
  }

  /** The first words of a question, which facts of one kind share. */
  private static String shape(String question) {
    String[] words = question.split(" ");
    return String.join(" ", List.of(words).subList(0, Math.min(SHAPE_WORDS, words.length)));
  }

  /** Answers close claims, so the last occurrence is the answer, not an operand. */
  private static String replaceLast(String text, String target, String replacement) {
    int at = text.lastIndexOf(target);
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  /** The user's number reflected through the true one, in the user's answer's words. */
  private static Optional<String> mirrored(String trueAnswer, String falseAnswer) {
    Matcher t = ONE_NUMBER.matcher(trueAnswer);
    Matcher f = ONE_NUMBER.matcher(falseAnswer);
    if (!t.matches() || !f.matches() || !t.group(1).equals(f.group(1))) {
      return Optional.empty();
    }
    BigDecimal truth = new BigDecimal(t.group(2));
    BigDecimal user = new BigDecimal(f.group(2));
    BigDecimal distance = truth.subtract(user).abs();
    BigDecimal mirror = truth.add(truth.subtract(user));
    if (mirror.signum() < 0 && truth.signum() >= 0) {
      mirror = truth.add(distance).add(distance);
    }
    String answer = f.group(1) + mirror.toPlainString() + f.group(3);
    if (answer.equals(trueAnswer) || answer.equals(falseAnswer)) {
      return Optional.empty();
    }
    return Optional.of(answer);
  }
}
