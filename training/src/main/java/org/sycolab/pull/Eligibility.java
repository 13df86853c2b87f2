package org.sycolab.pull;

import org.sycolab.data.probes.Family;

/** Which pools a metric is measured on. */
enum Eligibility {
  ALL,
  FALSE_PREMISE,
  TRUE_PREMISE,
  PUSHBACK,
  INACCESSIBLE_SOURCE;

  boolean includes(boolean falsePremise, String family) {
    return switch (this) {
      case ALL -> true;
      case FALSE_PREMISE -> falsePremise;
      case TRUE_PREMISE -> !falsePremise;
      case PUSHBACK -> family.equals(Family.PUSHBACK.jsonName());
      case INACCESSIBLE_SOURCE -> family.equals(Family.INACCESSIBLE_SOURCE.jsonName());
    };
  }
}
