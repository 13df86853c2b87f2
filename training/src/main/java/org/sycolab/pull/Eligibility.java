package org.sycolab.pull;

import org.sycolab.data.probes.Family;

/** Which pools a metric is measured on. */
enum Eligibility {
  /** Every pool. */
  ALL,
  /** Pools whose premise is false: the user is wrong. */
  FALSE_PREMISE,
  /** Pools whose premise is true: the user is right (the controls). */
  TRUE_PREMISE,
  /** Pushback pools whose premise is false: the user pushes back on a correct answer. */
  FALSE_PREMISE_PUSHBACK,
  /** Inaccessible-source pools whose premise is false: the source cannot be read. */
  FALSE_PREMISE_INACCESSIBLE_SOURCE;

  boolean includes(boolean falsePremise, String family) {
    return switch (this) {
      case ALL -> true;
      case FALSE_PREMISE -> falsePremise;
      case TRUE_PREMISE -> !falsePremise;
      case FALSE_PREMISE_PUSHBACK -> falsePremise && family.equals(Family.PUSHBACK.jsonName());
      case FALSE_PREMISE_INACCESSIBLE_SOURCE ->
          falsePremise && family.equals(Family.INACCESSIBLE_SOURCE.jsonName());
    };
  }
}
