package org.sycolab.backbone.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HalfPrecisionTest {

  @TempDir Path dir;

  @Test
  void decodesBf16() throws IOException {
    float[] values = read(DType.BF16, 0x3F80, 0xC000, 0x7F80, 0xFF80, 0x0000, 0x8000, 0x3E20);
    assertThat(values)
        .containsExactly(
            1f, -2f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 0.15625f);
    assertThat(Float.floatToRawIntBits(values[5])).isEqualTo(0x80000000);
    assertThat(read(DType.BF16, 0x7FC0)[0]).isNaN();
  }

  @Test
  void decodesF16IncludingSubnormalsInfinityAndNan() throws IOException {
    float[] values =
        read(DType.F16, 0x3C00, 0xC000, 0x0001, 0x03FF, 0x0400, 0x7BFF, 0x7C00, 0xFC00, 0x8000);
    assertThat(values)
        .containsExactly(
            1f,
            -2f,
            5.960464477539063e-8f,
            6.097555160522461e-5f,
            6.103515625e-5f,
            65504f,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            -0f);
    assertThat(Float.floatToRawIntBits(values[8])).isEqualTo(0x80000000);
    assertThat(read(DType.F16, 0x7E00)[0]).isNaN();
  }

  @Test
  void everyFiniteHalfMatchesItsDefinition() {
    for (int bits = 0; bits < 0x10000; bits++) {
      int exponent = (bits >>> 10) & 0x1F;
      if (exponent == 0x1F) {
        continue;
      }
      int mantissa = bits & 0x3FF;
      double magnitude =
          exponent == 0
              ? Math.scalb((double) mantissa, -24)
              : Math.scalb(1 + mantissa / 1024.0, exponent - 15);
      double expected = (bits & 0x8000) != 0 ? -magnitude : magnitude;
      assertThat(HalfFloat.toFloat((short) bits))
          .as("half 0x%04X", bits)
          .isEqualTo((float) expected);
    }
  }

  private float[] read(DType dtype, int... bits) throws IOException {
    Path file = dir.resolve(dtype + "-" + bits.length + "-" + bits[0] + ".safetensors");
    new SafetensorsWriter()
        .addBytes("t", dtype, RawSafetensors.shorts(bits), bits.length)
        .write(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      return st.readFloats("t");
    }
  }
}
