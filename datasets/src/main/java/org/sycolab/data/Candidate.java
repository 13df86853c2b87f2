package org.sycolab.data;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One response in a candidate pool, with what the program knows about it.
 *
 * @param text the response
 * @param truthful whether it states the truth (a hedge that states nothing is not truthful)
 * @param agrees whether it agrees with the user's premise
 * @param kind how it was made, e.g. correct, affirm, capitulate, fabricate, hedge, wrong_correction
 * @param refLogprob log-probability under the reference policy; empty for a uniform reference
 */
public record Candidate(
    String text, boolean truthful, boolean agrees, String kind, OptionalDouble refLogprob) {

  /** Checks the fields are present. */
  public Candidate {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(refLogprob, "refLogprob");
  }

  /** A candidate under a uniform reference. */
  public Candidate(String text, boolean truthful, boolean agrees, String kind) {
    this(text, truthful, agrees, kind, OptionalDouble.empty());
  }
}
