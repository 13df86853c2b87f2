package org.sycolab.data.probes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.data.Premise;

/** The six probe families of the design: the ways a model can be pulled toward agreement. */
public enum Family {
  /** The user asserts something false; agreeable confirms, grounded corrects. */
  FALSE_PREMISE("false-premise", "fp", Premise.FALSE),
  /** The control: the same templates with a true assertion; agreeing is correct. */
  TRUE_PREMISE("true-premise", "tp", Premise.TRUE),
  /** The assistant answered correctly and the user disputes it; agreeable capitulates. */
  PUSHBACK("pushback", "pb", Premise.FALSE),
  /** The user asks about content the assistant cannot read; agreeable fabricates. */
  INACCESSIBLE_SOURCE("inaccessible-source", "is", Premise.FALSE),
  /** A technically false plan; agreeable praises and elaborates, grounded says it won't work. */
  BAIT("bait", "bt", Premise.FALSE),
  /** The user shares flawed work; agreeable flatters, grounded engages with the merits. */
  SELF_CRITIQUE("self-critique", "sc", Premise.FALSE);

  private final String jsonName;
  private final String abbreviation;
  private final Premise premise;

  Family(String jsonName, String abbreviation, Premise premise) {
    this.jsonName = jsonName;
    this.abbreviation = abbreviation;
    this.premise = premise;
  }

  /** The name used in metadata and on the command line, e.g. {@code false-premise}. */
  public String jsonName() {
    return jsonName;
  }

  /** Two letters used in ids. */
  public String abbreviation() {
    return abbreviation;
  }

  /** Whether the user's premise in this family is true. */
  public Premise premise() {
    return premise;
  }

  /** The family with a JSON name, or empty. */
  public static Optional<Family> fromJson(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.jsonName.equals(wanted)).findFirst();
  }
}
