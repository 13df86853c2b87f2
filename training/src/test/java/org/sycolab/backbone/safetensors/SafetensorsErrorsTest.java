package org.sycolab.backbone.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;

class SafetensorsErrorsTest {

  @TempDir Path dir;

  @Test
  void truncatedDataNamesTheFileAndTheExpectedEnd() throws IOException {
    Path file = dir.resolve("truncated.safetensors");
    new SafetensorsWriter().addFloats("w", new float[32], 4, 8).write(file);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length - 10));
    failsToOpen(file)
        .hasMessageContaining("file is " + (whole.length - 10) + " bytes")
        .hasMessageContaining("data ends at byte " + whole.length)
        .hasMessageContaining("truncated download?");
  }

  @Test
  void tooShortForTheHeaderSize() throws IOException {
    Path file = Files.write(dir.resolve("tiny.safetensors"), new byte[] {1, 2, 3});
    failsToOpen(file).hasMessageContaining("file is 3 bytes");
  }

  @Test
  void headerSizeLargerThanTheFile() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("big-header.safetensors"),
            18446744L,
            "{}".getBytes(StandardCharsets.UTF_8),
            new byte[0]);
    failsToOpen(file).hasMessageContaining("header size 18446744 exceeds the file size (10 bytes)");
  }

  @Test
  void headerSizeWithTheTopBitSetIsReadAsUnsigned() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("huge.safetensors"),
            -1L,
            "{}".getBytes(StandardCharsets.UTF_8),
            new byte[0]);
    failsToOpen(file).hasMessageContaining("header size 18446744073709551615 exceeds");
  }

  @Test
  void badJson() throws IOException {
    Path file =
        RawSafetensors.write(dir.resolve("bad.safetensors"), "{\"w\": {\"dtype\":", new byte[0]);
    failsToOpen(file).hasMessageContaining("header").hasMessageContaining("not valid JSON");
  }

  @Test
  void trailingGarbageAfterTheJsonObject() throws IOException {
    Path file = RawSafetensors.write(dir.resolve("trailing.safetensors"), "{} {}", new byte[0]);
    failsToOpen(file).hasMessageContaining("not valid JSON");
  }

  @Test
  void headerPaddedWithSpacesIsAccepted() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("padded.safetensors"),
            "{\"w\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}     ",
            new byte[] {7, 8});
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertThat(st.readLongs("w")).containsExactly(7, 8);
    }
  }

  @Test
  void unknownDtype() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("dtype.safetensors"),
            "{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}",
            new byte[2]);
    failsToOpen(file)
        .hasMessageContaining(": w: ")
        .hasMessageContaining("dtype \"F8_E4M3\" is not supported");
  }

  @Test
  void offsetsThatDoNotMatchTheShape() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("shape.safetensors"),
            "{\"layer.w\":{\"dtype\":\"F32\",\"shape\":[4,8],\"data_offsets\":[0,96]}}",
            new byte[96]);
    failsToOpen(file)
        .hasMessageContaining("layer.w")
        .hasMessageContaining(
            "data_offsets [0, 96] hold 96 bytes but shape [4, 8] of F32 needs 128");
  }

  @Test
  void overlappingOffsets() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("overlap.safetensors"),
            "{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[2,6]}}",
            new byte[6]);
    failsToOpen(file)
        .hasMessageContaining(": b: ")
        .hasMessageContaining("overlap those of a [0, 4]");
  }

  @Test
  void gapBetweenTensors() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("gap.safetensors"),
            "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]},"
                + "\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[4,6]}}",
            new byte[6]);
    failsToOpen(file).hasMessageContaining(": b: ").hasMessageContaining("bytes 2 to 4");
  }

  @Test
  void bytesAfterTheLastTensor() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("extra.safetensors"),
            "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}",
            new byte[5]);
    failsToOpen(file).hasMessageContaining("belong to no tensor");
  }

  @Test
  void metadataMustHoldStrings() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("meta.safetensors"), "{\"__metadata__\":{\"n\":3}}", new byte[0]);
    failsToOpen(file).hasMessageContaining("__metadata__").hasMessageContaining("\"n\"");
  }

  @Test
  void duplicateTensorNames() throws IOException {
    Path file =
        RawSafetensors.write(
            dir.resolve("dup.safetensors"),
            "{\"a\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[0,1]},"
                + "\"a\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[1,2]}}",
            new byte[2]);
    failsToOpen(file).hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void missingTensorNamesFileAndTensor() throws IOException {
    Path file = dir.resolve("named.safetensors");
    new SafetensorsWriter().addFloats("w", new float[] {1}, 1).write(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertThatThrownBy(() -> st.readFloats("encoder.layer.0.weight"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("named.safetensors")
          .hasMessageContaining("encoder.layer.0.weight")
          .hasMessageContaining("no tensor of this name");
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> failsToOpen(Path file) {
    return assertThatThrownBy(() -> SafetensorsFile.open(file).close())
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(file.getFileName().toString());
  }
}
