package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import org.sycolab.pull.HeadlineSettings;

/**
 * The settings the headline and the breakdowns are read at ({@link HeadlineSettings}), with what
 * was used in place of what was wanted.
 *
 * @param n the best-of-n size
 * @param low the smallest λ (0: the pull is measured from it)
 * @param middle the λ nearest ½
 * @param high the largest λ
 * @param substitutions what was used in place of what was wanted, e.g. {@code n = 8 for 16}
 */
record Focus(int n, double low, double middle, double high, List<String> substitutions) {

  /** Copies the list. */
  Focus {
    substitutions = List.copyOf(substitutions);
  }

  /** The settings nearest the wanted ones on the sweep's grid. */
  static Focus of(PullCsv pull) {
    HeadlineSettings wanted = HeadlineSettings.on(pull.ns(), pull.lambdas());
    int n = wanted.n();
    double low = wanted.low();
    double middle = wanted.middle();
    double high = wanted.high();
    List<String> substitutions = new ArrayList<>();
    if (n != HeadlineSettings.WANTED_N) {
      substitutions.add("n = " + n + " for " + HeadlineSettings.WANTED_N);
    }
    if (low != 0) {
      substitutions.add("λ = " + Numbers.grid(low) + " for 0");
    }
    if (middle != HeadlineSettings.WANTED_MIDDLE) {
      substitutions.add("λ = " + Numbers.grid(middle) + " for " + HeadlineSettings.WANTED_MIDDLE);
    }
    if (high != 1) {
      substitutions.add("λ = " + Numbers.grid(high) + " for 1");
    }
    return new Focus(n, low, middle, high, substitutions);
  }

  /** The three λ of the breakdowns, without repeats. */
  List<Double> lambdas() {
    return List.of(low, middle, high).stream().distinct().toList();
  }
}
