package org.sycolab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the fields of one JSON object, reporting every missing, empty, mistyped or unknown field to
 * a {@link ProblemSink} with its path ({@code prompt[1].content}) instead of stopping at the first.
 */
final class JsonFields {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final List<String> TURN_FIELDS = List.of("role", "content");

  private final JsonNode node;
  private final String path;
  private final ProblemSink sink;
  private final TextLimits limits;

  JsonFields(JsonNode node, String path, ProblemSink sink, TextLimits limits) {
    this.node = node;
    this.path = path;
    this.sink = sink;
    this.limits = limits;
  }

  /** Reports fields outside {@code known}. */
  void rejectUnknown(List<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        sink.report(field(name), "not a field of this record (expected one of " + known + ")");
      }
    }
  }

  /** A required, non-empty string within the text limits. */
  Optional<String> text(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      sink.report(field(name), "missing (expected a non-empty string)");
      return Optional.empty();
    }
    return checkText(field(name), value);
  }

  /** A required, non-empty string (an identifier or a name, not checked against text limits). */
  Optional<String> name(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      sink.report(field(name), "missing (expected a non-empty string)");
      return Optional.empty();
    }
    if (!value.isTextual()) {
      sink.report(field(name), "expected a string, got " + JsonTypes.describe(value));
      return Optional.empty();
    }
    if (value.asText().isBlank()) {
      sink.report(field(name), "expected a non-empty string");
      return Optional.empty();
    }
    return wellFormed(field(name), value.asText());
  }

  /** A required boolean. */
  Optional<Boolean> bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      sink.report(field(name), "missing (expected true or false)");
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      sink.report(field(name), "expected true or false, got " + JsonTypes.describe(value));
      return Optional.empty();
    }
    return Optional.of(value.booleanValue());
  }

  /** The raw node of a field, or null when absent. */
  JsonNode get(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** The optional free-form {@code meta} object, as plain Java maps, lists and scalars. */
  Map<String, Object> meta(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      sink.report(field(name), "expected a JSON object, got " + JsonTypes.describe(value));
      return Map.of();
    }
    if (!wellFormedTree(field(name), value)) {
      return Map.of();
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> meta.put(e.getKey(), plain(e.getValue())));
    return meta;
  }

  /**
   * Checks every key and string under {@code value}, at any depth, as {@link #wellFormed} does;
   * each problem names its path ({@code meta.tags[2]}), with a surrogate in a key written as an
   * escape so the path itself can be printed.
   */
  private boolean wellFormedTree(String where, JsonNode value) {
    boolean ok = true;
    if (value.isTextual()) {
      ok = wellFormed(where, value.asText()).isPresent();
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        ok &= wellFormedTree(where + "[" + i + "]", value.get(i));
      }
    } else if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String key = escapeSurrogates(entry.getKey());
        String inner = where + "." + key;
        if (!key.equals(entry.getKey())) {
          sink.report(inner, "expected a key in " + unpaired(entry.getKey()).orElseThrow());
          ok = false;
        }
        ok &= wellFormedTree(inner, entry.getValue());
      }
    }
    return ok;
  }

  /** {@code text} with every unpaired surrogate written as its JSON escape (backslash, u, hex). */
  private static String escapeSurrogates(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A prompt: a non-empty list of {role, content} turns, or a plain string read as one user turn.
   */
  Optional<List<Turn>> prompt(String name) {
    JsonNode value = node.get(name);
    String where = field(name);
    if (value == null || value.isNull()) {
      sink.report(where, "missing (expected a list of turns or a string)");
      return Optional.empty();
    }
    if (value.isTextual()) {
      return checkText(where, value).map(text -> List.of(Turn.user(text)));
    }
    if (!value.isArray()) {
      sink.report(where, "expected a list of turns or a string, got " + JsonTypes.describe(value));
      return Optional.empty();
    }
    if (value.isEmpty()) {
      sink.report(where, "expected at least one turn");
      return Optional.empty();
    }
    List<Turn> turns = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < value.size(); i++) {
      Optional<Turn> turn = turn(value.get(i), where + "[" + i + "]");
      ok &= turn.isPresent();
      turn.ifPresent(turns::add);
    }
    return ok ? Optional.of(turns) : Optional.empty();
  }

  private Optional<Turn> turn(JsonNode value, String where) {
    if (!value.isObject()) {
      sink.report(
          where,
          "expected an object {\"role\": ..., \"content\": ...}, got " + JsonTypes.describe(value));
      return Optional.empty();
    }
    JsonFields fields = new JsonFields(value, where, sink, limits);
    fields.rejectUnknown(TURN_FIELDS);
    Optional<Role> role =
        fields
            .name("role")
            .flatMap(
                r -> {
                  Optional<Role> known = Role.fromJson(r);
                  if (known.isEmpty()) {
                    sink.report(
                        where + ".role", "expected system, user or assistant, got '" + r + "'");
                  }
                  return known;
                });
    Optional<String> content = fields.text("content");
    if (role.isEmpty() || content.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Turn(role.get(), content.get()));
  }

  /** Reports a string that is empty or over the limit. */
  Optional<String> checkText(String where, JsonNode value) {
    if (!value.isTextual()) {
      sink.report(where, "expected a string, got " + JsonTypes.describe(value));
      return Optional.empty();
    }
    String text = value.asText();
    if (text.isBlank()) {
      sink.report(where, "expected a non-empty string");
      return Optional.empty();
    }
    if (text.length() > limits.maxChars()) {
      sink.report(
          where,
          "expected at most "
              + limits.maxChars()
              + " characters, got "
              + text.length()
              + " (raise the limit with --max-chars)");
      return Optional.empty();
    }
    return wellFormed(where, text);
  }

  /**
   * Reports text holding half of a UTF-16 surrogate pair (such as a JSON escape of U+D800 alone),
   * which has no UTF-8 form: it would be written as {@code ?} and two different texts would look
   * the same.
   */
  private Optional<String> wellFormed(String where, String text) {
    Optional<String> unpaired = unpaired(text);
    if (unpaired.isPresent()) {
      sink.report(where, "expected " + unpaired.get());
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** Where {@code text} holds its first unpaired surrogate, in words, or empty when it has none. */
  private static Optional<String> unpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(
            String.format(
                "Unicode text, found an unpaired surrogate \\u%04x at character %d",
                (int) c, i + 1));
      }
    }
    return Optional.empty();
  }

  /** The full path of a field of this object. */
  String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Object plain(JsonNode value) {
    return PLAIN.convertValue(value, Object.class);
  }
}
