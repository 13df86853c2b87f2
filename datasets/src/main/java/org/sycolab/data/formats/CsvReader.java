package org.sycolab.data.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 4180 CSV reader over strict UTF-8 text: fields may be quoted, with doubled quotes inside
 * and commas and line ends inside quotes; records end with LF or CRLF, the last one maybe with
 * neither. Each record carries the line it starts on. A malformed record (a stray quote, text after
 * a closing quote, a quote never closed) is reported with its line and field index and skipped;
 * blank lines are skipped.
 */
final class CsvReader {

  private final String text;
  private final ErrorSink errors;
  private int pos;
  private long line = 1;

  CsvReader(String text, ErrorSink errors) {
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    this.errors = errors;
  }

  /**
   * Reads {@code file} as strict UTF-8; an undecodable byte is reported with its line.
   *
   * @return the reader, or empty when the file is not UTF-8
   */
  static Optional<CsvReader> open(Path file, ErrorSink errors) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      long badLine = 1;
      for (int i = 0; i < in.position(); i++) {
        badLine += bytes[i] == '\n' ? 1 : 0;
      }
      errors.report(badLine, -1, "expected UTF-8 text, found an invalid byte sequence");
      return Optional.empty();
    }
    return Optional.of(new CsvReader(out.flip().toString(), errors));
  }

  /** The next well-formed record, or null at the end of the text. */
  CsvRecord next() {
    while (pos < text.length()) {
      if (atLineEnd()) {
        skipLineEnd();
        continue;
      }
      CsvRecord record = record();
      if (record != null) {
        return record;
      }
    }
    return null;
  }

  /** Reads one record from the start of a line; null (after reporting) when it is malformed. */
  private CsvRecord record() {
    long start = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      int index = fields.size();
      String field =
          pos < text.length() && text.charAt(pos) == '"' ? quoted(index) : unquoted(index);
      if (field == null) {
        return null;
      }
      fields.add(field);
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      skipLineEnd();
      return new CsvRecord(start, fields);
    }
  }

  private String quoted(int index) {
    long opened = line;
    StringBuilder field = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        errors.report(opened, index, "expected a closing quote for the field that starts here");
        return null;
      }
      char c = text.charAt(pos);
      if (c == '"') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
          field.append('"');
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      line += c == '\n' ? 1 : 0;
      field.append(c);
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
      errors.report(line, index, "expected a comma or the end of the line after a closing quote");
      skipRestOfLine();
      return null;
    }
    return field.toString();
  }

  private String unquoted(int index) {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
      if (text.charAt(pos) == '"') {
        errors.report(
            line,
            index,
            "expected a quote only around a whole field (quote the field and double its quotes)");
        skipRestOfLine();
        return null;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean atLineEnd() {
    char c = text.charAt(pos);
    return c == '\n' || (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n');
  }

  private void skipLineEnd() {
    if (pos < text.length() && text.charAt(pos) == '\r') {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '\n') {
      pos++;
      line++;
    }
  }

  private void skipRestOfLine() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
    skipLineEnd();
  }

  /** Receives malformed records: line, 0-based field index (-1 for the whole file), message. */
  @FunctionalInterface
  interface ErrorSink {
    void report(long line, int field, String message);
  }
}
