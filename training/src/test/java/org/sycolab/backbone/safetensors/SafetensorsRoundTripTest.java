package org.sycolab.backbone.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;

class SafetensorsRoundTripTest {

  @TempDir Path dir;

  @Test
  void readsBackWhatTheWriterWrote() throws IOException {
    Path file = dir.resolve("model.safetensors");
    float[] weights = {1.5f, -2f, 0f, Float.MIN_VALUE, Float.MAX_VALUE, -0f};
    long[] ids = {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE};
    byte[] mask = {0, 1, (byte) 200, (byte) 255};
    new SafetensorsWriter()
        .metadata("format", "pt")
        .metadata("note", "ünïcode")
        .addFloats("z.weight", weights, 2, 3)
        .addLongs("a.ids", ids, 5)
        .addBytes("m.mask", DType.U8, mask, 2, 2)
        .addFloats("scale", new float[] {0.25f})
        .write(file);

    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertThat(st.path()).isEqualTo(file);
      assertThat(st.metadata()).containsOnly(entry("format", "pt"), entry("note", "ünïcode"));
      assertThat(st.tensors())
          .extracting(TensorInfo::name)
          .containsExactly("z.weight", "a.ids", "m.mask", "scale");
      assertThat(st.info("z.weight"))
          .isEqualTo(new TensorInfo("z.weight", DType.F32, new long[] {2, 3}, 0, 24));
      assertThat(st.info("scale").shape()).isEmpty();
      assertThat(st.info("scale").elementCount()).isEqualTo(1);
      assertThat(st.readFloats("z.weight")).containsExactly(weights);
      assertThat(st.readFloats("scale")).containsExactly(0.25f);
      assertThat(st.readLongs("a.ids")).containsExactly(ids);
      assertThat(st.readLongs("m.mask")).containsExactly(0, 1, 200, 255);
      assertThat(st.readBytes("m.mask")).containsExactly(mask);
      assertThat(st.contains("a.ids")).isTrue();
      assertThat(st.contains("b.ids")).isFalse();
    }
  }

  @Test
  void dataStartsAtAMultipleOfEightAndTheHeaderIsPaddedWithSpaces() throws IOException {
    for (int nameLength = 1; nameLength <= 8; nameLength++) {
      Path file = dir.resolve("t" + nameLength + ".safetensors");
      new SafetensorsWriter().addFloats("x".repeat(nameLength), new float[] {1f}, 1).write(file);
      byte[] bytes = Files.readAllBytes(file);
      long headerSize = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
      assertThat((8 + headerSize) % 8).isZero();
      assertThat(bytes.length).isEqualTo(8 + headerSize + 4);
      String header = new String(bytes, 8, (int) headerSize, StandardCharsets.UTF_8);
      assertThat(header.strip()).startsWith("{").endsWith("}");
      assertThat(header.substring(header.strip().length())).matches(" *");
    }
  }

  @Test
  void readFloat32GivesADirectLittleEndianBufferOfTheValues() throws IOException {
    Path file = dir.resolve("f.safetensors");
    new SafetensorsWriter()
        .addFloats("w", new float[] {1f, 2f, 3f}, 3)
        .addBytes("h", DType.BF16, RawSafetensors.shorts(0x3F80, 0xC000), 2)
        .write(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      ByteBuffer w = st.readFloat32("w");
      assertThat(w.isDirect()).isTrue();
      assertThat(w.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
      assertThat(w.remaining()).isEqualTo(12);
      assertThat(new float[] {w.getFloat(0), w.getFloat(4), w.getFloat(8)})
          .containsExactly(1f, 2f, 3f);
      ByteBuffer h = st.readFloat32("h");
      assertThat(h.remaining()).isEqualTo(8);
      assertThat(new float[] {h.getFloat(0), h.getFloat(4)}).containsExactly(1f, -2f);
    }
  }

  @Test
  void widensNarrowIntegersAndNarrowsDoubles() throws IOException {
    Path file = dir.resolve("ints.safetensors");
    ByteBuffer i32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(9);
    ByteBuffer f64 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1);
    new SafetensorsWriter()
        .addBytes("i32", DType.I32, i32.array(), 2)
        .addBytes("i16", DType.I16, RawSafetensors.shorts(-3, 0x7FFF), 2)
        .addBytes("i8", DType.I8, new byte[] {-128, 127}, 2)
        .addBytes("f64", DType.F64, f64.array())
        .write(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertThat(st.readLongs("i32")).containsExactly(-7, 9);
      assertThat(st.readLongs("i16")).containsExactly(-3, 32767);
      assertThat(st.readLongs("i8")).containsExactly(-128, 127);
      assertThat(st.readFloats("f64")).containsExactly(0.1f);
    }
  }

  @Test
  void refusesReadsOfTheWrongKind() throws IOException {
    Path file = dir.resolve("kinds.safetensors");
    new SafetensorsWriter()
        .addLongs("ids", new long[] {1}, 1)
        .addFloats("w", new float[] {1}, 1)
        .write(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertThatThrownBy(() -> st.readFloats("ids"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("kinds.safetensors")
          .hasMessageContaining("ids")
          .hasMessageContaining("is I64, expected a floating-point tensor");
      assertThatThrownBy(() -> st.readFloat32("ids")).isInstanceOf(ModelFormatException.class);
      assertThatThrownBy(() -> st.readLongs("w"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("is F32, expected an integer tensor");
    }
  }

  @Test
  void writerRejectsDuplicatesAndWrongLengths() {
    SafetensorsWriter writer = new SafetensorsWriter().addFloats("w", new float[] {1, 2}, 2);
    assertThatThrownBy(() -> writer.addFloats("w", new float[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("w was already added");
    assertThatThrownBy(() -> writer.addFloats("v", new float[] {1, 2, 3}, 2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 4 values but 3 were given");
    assertThatThrownBy(() -> writer.addBytes("b", DType.F16, new byte[3], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 4 bytes of F16 but 3 were given");
    assertThatThrownBy(() -> writer.addLongs("__metadata__", new long[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesAnEmptyFileThatReadsBackEmpty() throws IOException {
    Path file = dir.resolve("empty.safetensors");
    new SafetensorsWriter().write(file);
    try (SafetensorsFile st = SafetensorsFile.open(file)) {
      assertThat(st.tensors()).isEmpty();
      assertThat(st.metadata()).isEmpty();
    }
  }

  @Test
  void tensorInfoCopiesItsShape() {
    long[] shape = {2, 3};
    TensorInfo info = new TensorInfo("t", DType.F32, shape, 0, 24);
    shape[0] = 99;
    info.shape()[1] = 99;
    assertThat(info.shape()).containsExactly(2, 3);
    assertThat(info).hasSameHashCodeAs(new TensorInfo("t", DType.F32, new long[] {2, 3}, 0, 24));
    assertThat(info.toString()).contains("t", "F32", "[2, 3]");
  }
}
