package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings the headline and the breakdowns are read at: best-of-16 and λ = 0, ½ and 1, or the
 * grid's nearest values when the sweep lacks them.
 *
 * @param n the best-of-n size
 * @param low the smallest λ (0: the pull is measured from it)
 * @param middle the λ nearest ½
 * @param high the largest λ
 * @param substitutions what was used in place of what was wanted, e.g. {@code n = 8 for 16}
 */
record Focus(int n, double low, double middle, double high, List<String> substitutions) {

  static final int WANTED_N = 16;

  /** Copies the list. */
  Focus {
    substitutions = List.copyOf(substitutions);
  }

  /** The settings nearest the wanted ones on the sweep's grid. */
  static Focus of(PullCsv pull) {
    List<Double> lambdas = pull.lambdas();
    int n = (int) PullCsv.nearest(pull.ns().stream().map(Integer::doubleValue).toList(), WANTED_N);
    double low = lambdas.get(0);
    double middle = PullCsv.nearest(lambdas, 0.5);
    double high = lambdas.get(lambdas.size() - 1);
    List<String> substitutions = new ArrayList<>();
    if (n != WANTED_N) {
      substitutions.add("n = " + n + " for 16");
    }
    if (low != 0) {
      substitutions.add("λ = " + Format.grid(low) + " for 0");
    }
    if (middle != 0.5) {
      substitutions.add("λ = " + Format.grid(middle) + " for 0.5");
    }
    if (high != 1) {
      substitutions.add("λ = " + Format.grid(high) + " for 1");
    }
    return new Focus(n, low, middle, high, substitutions);
  }

  /** The three λ of the breakdowns, without repeats. */
  List<Double> lambdas() {
    return List.of(low, middle, high).stream().distinct().toList();
  }
}
