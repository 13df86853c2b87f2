package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void aValueThatRoundsToZeroHasNoMinusSign() {
    assertThat(Numbers.fixed(-0.0, 1)).isEqualTo("0.0");
    assertThat(Numbers.fixed(-0.0004, 3)).isEqualTo("0.000");
    assertThat(Numbers.points(new Stat(-0.01, -0.04, 0.02))).isEqualTo("0.0 [0.0, 0.0]");
    assertThat(Numbers.fixed(-0.05, 1)).isEqualTo("-0.1");
    assertThat(Numbers.fixed(-10.0, 0)).isEqualTo("-10");
  }
}
