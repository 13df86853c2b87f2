package org.sycolab.backbone.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-side F16 and BF16 encoder, against the library's decoding and hand-worked values. */
class HalfPrecisionEncoderTest {

  @TempDir Path dir;

  @Test
  void everyFiniteHalfIsWrittenBackAsItsOwnBits() {
    for (int bits = 0; bits < 0x10000; bits++) {
      if (((bits >>> 10) & 0x1F) == 0x1F) {
        continue;
      }
      assertThat(HalfPrecisionEncoder.toF16(HalfFloat.toFloat((short) bits)) & 0xFFFF)
          .as("half 0x%04X", bits)
          .isEqualTo(bits);
    }
  }

  @Test
  void f16RoundsToNearestWithTiesToEven() {
    float ulpAtOne = 0x1p-10f;
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 1f + ulpAtOne / 2)).isEqualTo(1f);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 1f + 1.5f * ulpAtOne))
        .isEqualTo(1f + 2 * ulpAtOne);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 1f + 0.6f * ulpAtOne))
        .isEqualTo(1f + ulpAtOne);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, -0.1f)).isEqualTo(-0.0999755859375f);
    // Subnormals count units of 2^-24; half a unit ties to zero, just over it rounds up.
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 0x1p-25f)).isEqualTo(0f);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 0x1.02p-25f)).isEqualTo(0x1p-24f);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 3 * 0x1p-25f)).isEqualTo(0x1p-23f);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 1e-10f)).isEqualTo(0f);
    // 65520 is halfway between the largest half, 65504, and 2^16, which is infinity.
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 65519f)).isEqualTo(65504f);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, 65520f)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, -1e9f)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(HalfPrecisionEncoder.roundTo(DType.F16, Float.NaN)).isNaN();
  }

  @Test
  void bf16RoundsToNearestWithTiesToEven() {
    float ulpAtOne = 0x1p-7f;
    assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, 1f + ulpAtOne / 2)).isEqualTo(1f);
    assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, 1f + 1.5f * ulpAtOne))
        .isEqualTo(1f + 2 * ulpAtOne);
    assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, 1f + 0.6f * ulpAtOne))
        .isEqualTo(1f + ulpAtOne);
    assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, -0.1f)).isEqualTo(-0.10009765625f);
    assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, Float.MAX_VALUE))
        .isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, Float.NaN)).isNaN();
    assertThat(HalfPrecisionEncoder.roundTo(DType.F32, 0.1f)).isEqualTo(0.1f);
  }

  @Test
  void bf16IsTheNearerOfTheTwoNeighbouringValuesTiesToEven() {
    // Floats across the finite range: each between bfloat16 values below and above, ties included.
    for (int high = 0; high < 0x7F7F; high++) {
      float below = Float.intBitsToFloat(high << 16);
      float above = Float.intBitsToFloat((high + 1) << 16);
      for (int low : new int[] {1, 0x7FFF, 0x8000, 0x8001, 0xFFFF, (high * 40503) & 0xFFFF}) {
        float value = Float.intBitsToFloat(high << 16 | low);
        double toBelow = (double) value - below;
        double toAbove = (double) above - value;
        float nearest =
            toBelow < toAbove || (toBelow == toAbove && (high & 1) == 0) ? below : above;
        assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, value))
            .as("bfloat16 of %s", value)
            .isEqualTo(nearest);
        assertThat(HalfPrecisionEncoder.roundTo(DType.BF16, -value))
            .as("bfloat16 of %s", -value)
            .isEqualTo(-nearest);
      }
    }
  }

  @Test
  void writtenHalvesReadBackAsTheRoundedValues() throws IOException {
    float[] values = {0.1f, -2.5f, 1e-6f, 3.14159f, 70000f, -0f};
    for (DType dtype : new DType[] {DType.F16, DType.BF16, DType.F32}) {
      Path file = dir.resolve(dtype + ".safetensors");
      new SafetensorsWriter()
          .addBytes("t", dtype, HalfPrecisionEncoder.encode(dtype, values), 2, 3)
          .write(file);
      float[] expected = new float[values.length];
      for (int i = 0; i < values.length; i++) {
        expected[i] = HalfPrecisionEncoder.roundTo(dtype, values[i]);
      }
      try (SafetensorsFile st = SafetensorsFile.open(file)) {
        assertThat(st.info("t").dtype()).isEqualTo(dtype);
        assertThat(st.readFloats("t")).containsExactly(expected);
      }
    }
  }

  @Test
  void onlyFloatTypesCanBeEncodedFromFloats() {
    assertThatThrownBy(() -> HalfPrecisionEncoder.encode(DType.I64, new float[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("F32, F16 or BF16, not I64");
  }
}
