package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {

  @Test
  void linesLongerThanTheReadBufferAndCrlfAcrossItsEdgeComeBackWhole() throws IOException {
    String long1 = "é".repeat(40_000); // 80,000 bytes: spans two 64 KiB reads
    String text = long1 + "\r\n" + "short" + "\r\n" + "last";
    List<Utf8LineReader.Line> lines = read(text.getBytes(StandardCharsets.UTF_8));
    assertThat(lines).extracting(Utf8LineReader.Line::text).containsExactly(long1, "short", "last");
    assertThat(lines).extracting(Utf8LineReader.Line::number).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aSplitMultiByteCharacterIsReportedWithItsByte() throws IOException {
    byte[] bytes = {'a', 'b', (byte) 0xE2, (byte) 0x82, '\n', 'o', 'k'};
    List<Utf8LineReader.Line> lines = read(bytes);
    assertThat(lines.get(0).error()).contains("byte 3");
    assertThat(lines.get(1).text()).isEqualTo("ok");
  }

  @Test
  void anOverlongLineIsReportedAndSkippedNotBuffered() throws IOException {
    byte[] big = new byte[Utf8LineReader.MAX_LINE_BYTES + 10];
    Arrays.fill(big, (byte) 'x');
    byte[] bytes = new byte[big.length + 4];
    System.arraycopy(big, 0, bytes, 0, big.length);
    bytes[big.length] = '\n';
    bytes[big.length + 1] = 'o';
    bytes[big.length + 2] = 'k';
    bytes[big.length + 3] = '\n';
    List<Utf8LineReader.Line> lines = read(bytes);
    assertThat(lines.get(0).error()).startsWith("expected a line of at most");
    assertThat(lines.get(1).text()).isEqualTo("ok");
    assertThat(lines).hasSize(2);
  }

  @Test
  void emptyInputHasNoLines() throws IOException {
    assertThat(read(new byte[0])).isEmpty();
  }

  private static List<Utf8LineReader.Line> read(byte[] bytes) throws IOException {
    List<Utf8LineReader.Line> lines = new ArrayList<>();
    try (Utf8LineReader reader = new Utf8LineReader(new ByteArrayInputStream(bytes))) {
      for (Utf8LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
