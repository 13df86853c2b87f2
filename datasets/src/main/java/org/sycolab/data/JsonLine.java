package org.sycolab.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Parses one line of a JSONL file into a tree, strictly (no duplicate keys, nothing after the
 * value) and within bounds: nesting deeper than {@link #MAX_DEPTH} levels is refused before
 * parsing, so no input can exhaust the stack. What is wrong is said in words with a column, never
 * with the parser's class names.
 */
public final class JsonLine {

  /**
   * Deepest nesting of objects and lists accepted; a record's own is at most 4 (a candidate's
   * field), and free-form {@code meta} gets the rest.
   */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonLine() {}

  /**
   * The JSON value of {@code text}, or empty after handing {@code problem} one line that says what
   * was expected, such as {@code expected valid JSON, nesting deeper than 64 levels (column 65)}.
   */
  public static Optional<JsonNode> parse(String text, Consumer<String> problem) {
    int tooDeep = columnTooDeep(text);
    if (tooDeep > 0) {
      problem.accept(
          "expected valid JSON, nesting deeper than "
              + MAX_DEPTH
              + " levels (column "
              + tooDeep
              + ")");
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      problem.accept("expected valid JSON, " + describe(e));
      return Optional.empty();
    }
  }

  /** The 1-based column of the bracket that opens level {@code MAX_DEPTH + 1}, or 0. */
  private static int columnTooDeep(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          return i + 1;
        }
      } else if (c == '}' || c == ']') {
        depth = Math.max(0, depth - 1);
      }
    }
    return 0;
  }

  /** The parser's complaint in the project's words, with the column when it is known. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
    if (message.startsWith("Trailing token")) {
      message = "found more text after the JSON value";
    }
    message =
        message
            .replaceFirst(" \\(start marker at .*\\)$", "")
            .replaceAll(" \\(for \\w+ starting at \\[Source: [^\\]]*\\]\\)", "")
            .replaceAll(", from `[^`]*`", "")
            .replaceAll(" \\(bound as `[^`]*`\\)", "");
    if (message.isBlank()) {
      message = "malformed JSON";
    }
    JsonLocation where = e.getLocation();
    return where == null || where.getColumnNr() < 1
        ? message
        : message + " (column " + where.getColumnNr() + ")";
  }
}
