package org.sycolab.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file line by line, one line in memory at a time, decoding each as strict UTF-8 so that
 * invalid bytes are reported with their line and column instead of silently replaced. Accepts LF
 * and CRLF line ends, a missing final newline, and a UTF-8 byte order mark at the start.
 */
public final class Utf8LineReader implements Closeable {

  /** Lines longer than this are reported and skipped rather than buffered. */
  public static final int MAX_LINE_BYTES = 16 << 20;

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkLimit;
  private byte[] line = new byte[8192];
  private CharBuffer chars = CharBuffer.allocate(8192);
  private long lineNumber;
  private boolean eof;

  /** Reads from {@code in}, which this reader closes. */
  public Utf8LineReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next line, or null at the end of the input.
   *
   * @throws IOException when reading fails
   */
  public Line next() throws IOException {
    if (eof) {
      return null;
    }
    int length = 0;
    boolean tooLong = false;
    boolean newline = false;
    while (!newline) {
      if (chunkPos == chunkLimit && !fill()) {
        eof = true;
        break;
      }
      int end = chunkPos;
      while (end < chunkLimit && chunk[end] != '\n') {
        end++;
      }
      newline = end < chunkLimit;
      int n = end - chunkPos;
      if (length + n > MAX_LINE_BYTES) {
        tooLong = true;
      } else {
        ensureLineCapacity(length + n);
        System.arraycopy(chunk, chunkPos, line, length, n);
        length += n;
      }
      chunkPos = newline ? end + 1 : end;
    }
    if (eof && length == 0 && !tooLong) {
      return null;
    }
    lineNumber++;
    if (tooLong) {
      return Line.error(lineNumber, "expected a line of at most " + MAX_LINE_BYTES + " bytes");
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    int start = lineNumber == 1 && startsWithBom(length) ? 3 : 0;
    return decode(start, length);
  }

  private Line decode(int start, int length) {
    ByteBuffer bytes = ByteBuffer.wrap(line, start, length - start);
    if (chars.capacity() < length) {
      chars = CharBuffer.allocate(Math.max(length, chars.capacity() * 2));
    }
    chars.clear();
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      return Line.error(
          lineNumber,
          "expected UTF-8 text, found an invalid byte sequence at byte "
              + (bytes.position() - start + 1));
    }
    chars.flip();
    return Line.text(lineNumber, chars.toString());
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk);
    while (n == 0) {
      n = in.read(chunk);
    }
    chunkPos = 0;
    chunkLimit = Math.max(n, 0);
    return n > 0;
  }

  private void ensureLineCapacity(int needed) {
    if (needed > line.length) {
      line = Arrays.copyOf(line, Math.max(needed, Math.min(MAX_LINE_BYTES, line.length * 2)));
    }
  }

  private boolean startsWithBom(int length) {
    return length >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * One line: its text, or why it could not be decoded.
   *
   * @param number 1-based line number
   * @param text the decoded line without its line end, or null when {@code error} is set
   * @param error what was expected and found, or null
   */
  public record Line(long number, String text, String error) {
    static Line text(long number, String text) {
      return new Line(number, text, null);
    }

    static Line error(long number, String error) {
      return new Line(number, null, error);
    }
  }
}
