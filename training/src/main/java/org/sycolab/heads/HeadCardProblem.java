package org.sycolab.heads;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.io.JsonPlaces;

/**
 * Says what is wrong with an unreadable {@code head.json} in one line, {@code file:line:column:
 * field: problem}, in plain words: the JSON parser's own messages name Java types and its internal
 * limits, which mean nothing to someone holding a damaged head.
 */
final class HeadCardProblem {

  /** The longest excerpt of a parser message kept. */
  private static final int MAX_DETAIL = 120;

  private HeadCardProblem() {}

  /**
   * The one-line error for {@code e}, raised by {@code parser} while reading {@code cardFile}; the
   * parser's position stands in where {@code e} carries none (a broken size limit, for one).
   */
  static ModelFormatException of(Path cardFile, JsonProcessingException e, JsonParser parser) {
    String field = field(e, parser);
    String problem = problem(e);
    JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    if (at == null || at.getLineNr() < 1) {
      return new ModelFormatException(cardFile, field, problem);
    }
    return new ModelFormatException(
        cardFile, at.getLineNr(), Math.max(1, at.getColumnNr()), field, problem);
  }

  private static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      return message.contains("nesting")
          ? "nested more than " + HeadCard.MAX_DEPTH + " levels deep; a head card is shallow"
          : "a value is longer than any head card holds";
    }
    if (e instanceof JsonEOFException) {
      return "the file ends early (truncated?)";
    }
    if (e instanceof InputCoercionException coercion) {
      return "number out of range for " + expected(coercion.getTargetType());
    }
    if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause();
      return cause != null && cause.getMessage() != null ? cause.getMessage() : "not a valid value";
    }
    if (e instanceof InvalidFormatException format) {
      return "expected "
          + expected(format.getTargetType())
          + ", got "
          + excerpt(String.valueOf(format.getValue()));
    }
    if (e instanceof MismatchedInputException mismatch) {
      if (message.startsWith("No content")) {
        return "empty file";
      }
      if (message.startsWith("Trailing token")) {
        return "more text after the card's closing brace";
      }
      return "expected " + expected(mismatch.getTargetType());
    }
    if (e instanceof JsonMappingException) {
      return "does not fit head.json's layout";
    }
    return "not valid JSON: " + excerpt(message);
  }

  /**
   * Where in the card the problem is, as {@code history[2].dev_loss}; {@code card} at the top. For
   * nesting past the limit, the top field that holds it.
   */
  private static String field(JsonProcessingException e, JsonParser parser) {
    String path;
    if (e instanceof JsonMappingException mapping) {
      path = JsonPlaces.field(mapping);
    } else {
      path =
          parser
              .getParsingContext()
              .pathAsPointer()
              .toString()
              .replace('/', '.')
              .replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
    }
    path = path.startsWith(".") ? path.substring(1) : path;
    if (e instanceof StreamConstraintsException) {
      path = path.replaceAll("[.\\[].*", ""); // the top field, not every level it nests
    }
    return path.isEmpty() ? "card" : path;
  }

  /** What a value of {@code type} looks like, in words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(value -> value.toString().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    return "an object";
  }

  /** The first line of {@code text}, cut short: parser messages may quote a long token. */
  private static String excerpt(String text) {
    String line = text.lines().findFirst().orElse("");
    for (String internal : new String[] {" (start marker at", "[Source"}) {
      int at = line.indexOf(internal);
      line = at < 0 ? line : line.substring(0, at);
    }
    line = line.strip();
    return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
  }
}
