package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NullComparisonTest {

  @Test
  void aHeadInsideANullsIntervalIsSaidNotToHaveShownMore() {
    Map<String, Stat> nulls = new LinkedHashMap<>();
    nulls.put("agree", new Stat(0.438, 0.373, 0.507));
    nulls.put("longest", new Stat(0.531, 0.453, 0.603));
    assertThat(NullComparison.describe("best-of-16 at λ = 0", new Stat(0.554, 0.480, 0.624), nulls))
        .isEqualTo(
            "Best-of-16 at λ = 0, the learned grounded head's truthful rate, 0.554 [0.480, 0.624],"
                + " does not clear the interval of longest 0.531 [0.453, 0.603]: on these pools the"
                + " head has not shown more truth than that content-blind selector buys, so read"
                + " its pull with care.");
  }

  @Test
  void aHeadAboveEveryNullIsSaidToBeAbove() {
    Map<String, Stat> nulls = new LinkedHashMap<>();
    nulls.put("disagree", new Stat(0.288, 0.245, 0.329));
    nulls.put("longest", new Stat(0.400, Double.NaN, Double.NaN));
    assertThat(
            NullComparison.describe(
                "best-of-16 at λ = 0", new Stat(0.7, Double.NaN, Double.NaN), nulls))
        .isEqualTo(
            "Best-of-16 at λ = 0, the learned grounded head's truthful rate, 0.700, is above the"
                + " interval of every content-blind selector in its place (disagree 0.288 [0.245,"
                + " 0.329]; longest 0.400).");
  }
}
