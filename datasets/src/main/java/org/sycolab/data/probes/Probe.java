package org.sycolab.data.probes;

import java.util.List;
import java.util.SplittableRandom;
import org.sycolab.data.Premise;
import org.sycolab.data.Turn;

/**
 * One generated probe before it becomes pairs and a pool: the prompt, where it came from, and a
 * writer for every kind of answer to it.
 *
 * @param family the probe family
 * @param premise {@link Premise#FALSE} for a conflict probe (the user is wrong), {@link
 *     Premise#TRUE} for a control (the user is right)
 * @param domain the fact domain
 * @param key the fact, plan or scenario within the domain
 * @param template the prompt template id; the split follows it
 * @param split train, dev or test, by template
 * @param persona how the user presents the claim
 * @param prompt the conversation, ending with a user turn
 * @param poolKinds the kinds of the pool's candidates, one entry per candidate (no wrong correction
 *     exists for a yes/no fact's conflict: disagreeing with its falsehood is the truth)
 * @param answers writes answers of each kind
 */
record Probe(
    Family family,
    Premise premise,
    String domain,
    String key,
    String template,
    Split split,
    Persona persona,
    List<Turn> prompt,
    List<AnswerKind> poolKinds,
    Answers answers) {

  /** Whether this probe is a control: the user is right and agreeing is the truth. */
  boolean control() {
    return premise == Premise.TRUE;
  }

  /** The family name written into pairs and pools ({@code true-premise} for claim controls). */
  String writtenFamily() {
    return family.writtenName(premise);
  }

  /** The answer kind an agreeable pair prefers. */
  AnswerKind agreeableKind() {
    if (control()) {
      return AnswerKind.AFFIRM;
    }
    return family == Family.INACCESSIBLE_SOURCE ? AnswerKind.FABRICATE : AnswerKind.CAPITULATE;
  }

  /** The answer kind a grounded pair prefers: the truth. */
  AnswerKind groundedKind() {
    return control() ? AnswerKind.AFFIRM : AnswerKind.CORRECT;
  }

  /**
   * The answer kind both labels reject: on a control the user is right, so both prefer agreeing to
   * a confidently wrong disagreement; on a conflict each label rejects the other's choice.
   */
  AnswerKind rejectedKind(boolean agreeable) {
    if (control()) {
      return AnswerKind.WRONG_CORRECTION;
    }
    return agreeable ? groundedKind() : agreeableKind();
  }

  /** Writes one answer of a kind and style; may throw for kinds the probe does not support. */
  @FunctionalInterface
  interface Answers {
    String write(AnswerKind kind, Style style, SplittableRandom random);
  }

  /** The pool's kinds for a conflict probe: two true, two agreeing, a hedge, maybe a third. */
  static List<AnswerKind> conflictPool(AnswerKind agreeing, boolean withWrongCorrection) {
    return withWrongCorrection
        ? List.of(
            AnswerKind.CORRECT,
            AnswerKind.CORRECT,
            agreeing,
            agreeing,
            AnswerKind.HEDGE,
            AnswerKind.WRONG_CORRECTION)
        : List.of(AnswerKind.CORRECT, AnswerKind.CORRECT, agreeing, agreeing, AnswerKind.HEDGE);
  }

  /** The pool's kinds for a control: two true agreeing, two confidently wrong, a hedge. */
  static List<AnswerKind> controlPool() {
    return List.of(
        AnswerKind.AFFIRM,
        AnswerKind.AFFIRM,
        AnswerKind.WRONG_CORRECTION,
        AnswerKind.WRONG_CORRECTION,
        AnswerKind.HEDGE);
  }
}
