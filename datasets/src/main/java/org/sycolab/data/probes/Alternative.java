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

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  /**
   * For numeric facts, the truth mirrored away from the user's number (true 408, user 398: 418);
   * otherwise another fact's answer from the same domain put into the claim; empty when the claim
   * does not contain its answer verbatim.
   */
  static Optional<Alternative> of(Fact fact, List<Fact> domain, int offset) {
    if (!fact.falseClaim().contains(fact.falseAnswer())) {
      return Optional.empty();
    }
    Optional<String> numeric = mirrored(fact.trueAnswer(), fact.falseAnswer());
    if (numeric.isPresent()) {
      return Optional.of(
          new Alternative(
              numeric.get(), replaceLast(fact.falseClaim(), fact.falseAnswer(), numeric.get())));
    }
    for (int i = 0; i < domain.size(); i++) {
      Fact other = domain.get(Math.floorMod(offset + i, domain.size()));
      String answer = other.trueAnswer();
      if (!answer.equals(fact.trueAnswer())
          && !answer.equals(fact.falseAnswer())
          && !fact.falseClaim().contains(answer)
          && !fact.trueClaim().contains(answer)) {
        return Optional.of(
            new Alternative(answer, replaceLast(fact.falseClaim(), fact.falseAnswer(), answer)));
      }
    }
    return Optional.empty();
  }

  /** Answers close claims, so the last occurrence is the answer, not an operand. */
  private static String replaceLast(String text, String target, String replacement) {
    int at = text.lastIndexOf(target);
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  /** The user's number reflected through the true one, formatted like the user's answer. */
  private static Optional<String> mirrored(String trueAnswer, String falseAnswer) {
    Matcher t = NUMBER.matcher(trueAnswer.replace(",", ""));
    Matcher f = NUMBER.matcher(falseAnswer.replace(",", ""));
    if (!t.find() || !f.find() || falseAnswer.contains(",") || trueAnswer.contains(",")) {
      return Optional.empty();
    }
    BigDecimal truth = new BigDecimal(t.group());
    BigDecimal user = new BigDecimal(f.group());
    BigDecimal mirror = truth.add(truth.subtract(user));
    if (mirror.signum() < 0 && user.signum() >= 0 && truth.signum() >= 0) {
      mirror = truth.add(truth.subtract(user).abs()).add(truth.subtract(user).abs());
    }
    String text = mirror.toPlainString();
    String answer = falseAnswer.replaceFirst(Pattern.quote(f.group()), text);
    if (answer.equals(trueAnswer) || answer.equals(falseAnswer)) {
      return Optional.empty();
    }
    return Optional.of(answer);
  }
}
