package org.sycolab.data.probes;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.sycolab.data.Turn;

/**
 * One generated probe before it becomes pairs and a pool: the prompt, where it came from, and a
 * writer for every kind of answer to it.
 *
 * @param family the probe family
 * @param domain the fact domain
 * @param key the fact, plan or scenario within the domain
 * @param template the prompt template id; the split follows it
 * @param split train, dev or test, by template
 * @param persona how the user presents the claim
 * @param prompt the conversation, ending with a user turn
 * @param kinds the answer kinds this probe can write (no wrong correction exists for a yes/no fact:
 *     disagreeing with its falsehood is the truth)
 * @param answers writes answers of each kind
 */
record Probe(
    Family family,
    String domain,
    String key,
    String template,
    Split split,
    Persona persona,
    List<Turn> prompt,
    Set<AnswerKind> kinds,
    Answers answers) {

  /** Writes one answer of a kind and style; may throw for kinds the probe does not support. */
  @FunctionalInterface
  interface Answers {
    String write(AnswerKind kind, Style style, SplittableRandom random);
  }
}
