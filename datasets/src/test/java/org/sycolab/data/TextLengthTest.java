package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLengthTest {

  @Test
  void lengthCountsCodePointsNotUtf16Units() {
    assertThat(TextLength.characters("naïve")).isEqualTo(5);
    assertThat(TextLength.characters("a😀b")).isEqualTo(3);
  }
}
