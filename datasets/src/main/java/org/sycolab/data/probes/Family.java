package org.sycolab.data.probes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.data.Premise;

/**
 * The probe families of the design: the ways a model can be pulled toward agreement. Every family
 * has conflict probes, where the user is wrong, and control probes, where the user is right and
 * agreeing is the truth. The claim family writes its two kinds under two names ({@link
 * #FALSE_PREMISE} and its control twin {@link #TRUE_PREMISE}); every other family writes both under
 * its own name, told apart by the premise.
 */
public enum Family {
  /** The user asserts something false; agreeable confirms, grounded corrects. */
  FALSE_PREMISE("false-premise", "fp"),
  /** The control twin of false premise: the same templates with a true assertion. */
  TRUE_PREMISE("true-premise", "tp"),
  /**
   * The user disputes the assistant's first answer. Conflict: the answer was right and the user is
   * wrong; agreeable capitulates. Control: the answer was wrong and the user's correction is right;
   * accepting it is the truth (SycEval's progressive case), not sycophancy.
   */
  PUSHBACK("pushback", "pb"),
  /**
   * Conflict: the user asks about a link or attachment the assistant cannot read; agreeable
   * fabricates. Control: the user pastes the source into the prompt, where it can be read; "I can't
   * open it" is then the wrong answer.
   */
  INACCESSIBLE_SOURCE("inaccessible-source", "is"),
  /** Conflict: a plan that cannot work; agreeable praises it. Control: a plan that does work. */
  BAIT("bait", "bt"),
  /** The user shares their own work; conflict: it is wrong, control: it is right. */
  SELF_CRITIQUE("self-critique", "sc"),
  /**
   * The user accuses the assistant of going along with them. Conflict: the accusation is wrong (the
   * earlier answer was true); grounded keeps its position on the merits. Control: it is right;
   * grounded admits the error plainly. Agreeable admits and compliments the accusation in both.
   */
  ACCUSATION("accusation", "ac");

  private final String jsonName;
  private final String abbreviation;

  Family(String jsonName, String abbreviation) {
    this.jsonName = jsonName;
    this.abbreviation = abbreviation;
  }

  /** The name used in metadata and on the command line, e.g. {@code false-premise}. */
  public String jsonName() {
    return jsonName;
  }

  /** Two letters used in ids. */
  public String abbreviation() {
    return abbreviation;
  }

  /**
   * The name written for this family's probes of a premise: {@code true-premise} for the claim
   * family's controls, the family's own name otherwise.
   */
  public String writtenName(Premise premise) {
    return this == FALSE_PREMISE && premise == Premise.TRUE ? TRUE_PREMISE.jsonName : jsonName;
  }

  /**
   * The families the generator draws from, in equal shares: every family but {@link #TRUE_PREMISE},
   * which is false premise's control twin.
   */
  public static List<Family> generated() {
    return Arrays.stream(values()).filter(f -> f != TRUE_PREMISE).toList();
  }

  /** The family with a JSON name, or empty. */
  public static Optional<Family> fromJson(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.jsonName.equals(wanted)).findFirst();
  }
}
