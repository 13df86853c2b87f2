package org.sycolab.data.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.data.JsonTypes;
import org.sycolab.data.Role;
import org.sycolab.data.Turn;

/**
 * The fields of one source JSON object, read by dotted path ({@code base.question}); every missing,
 * empty or mistyped field is reported as a problem at the object's line, and reading goes on.
 *
 * @param file the source file
 * @param line the object's line
 * @param root the object
 * @param batch where problems go
 */
record SourceFields(Path file, long line, JsonNode root, ImportBatch batch) {

  /** Reports a problem with {@code field} of this object. */
  void problem(String field, String message) {
    batch.problem(file, line, field, message);
  }

  /** The value at {@code path}, or null when absent or JSON null. */
  JsonNode get(String path) {
    JsonNode node = root;
    for (String name : path.split("\\.")) {
      node = node.isObject() ? node.get(name) : null;
      if (node == null || node.isNull()) {
        return null;
      }
    }
    return node;
  }

  /** Whether {@code path} holds a value. */
  boolean has(String path) {
    return get(path) != null;
  }

  /** A required, non-blank string. */
  Optional<String> text(String path) {
    JsonNode value = get(path);
    if (value == null) {
      problem(path, "missing (expected a non-empty string)");
      return Optional.empty();
    }
    return text(path, value);
  }

  /** An optional string: empty when absent, a problem when present but not a non-blank string. */
  Optional<String> optionalText(String path) {
    JsonNode value = get(path);
    return value == null ? Optional.empty() : text(path, value);
  }

  /** A required string or non-empty list of strings, each non-blank. */
  Optional<List<String>> texts(String path) {
    JsonNode value = get(path);
    if (value == null) {
      problem(path, "missing (expected a string or a list of strings)");
      return Optional.empty();
    }
    if (!value.isArray()) {
      return text(path, value).map(List::of);
    }
    if (value.isEmpty()) {
      problem(path, "expected at least one string, got an empty list");
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      text(path + "[" + i + "]", value.get(i)).ifPresent(texts::add);
    }
    return texts.size() == value.size() ? Optional.of(texts) : Optional.empty();
  }

  /**
   * A required, non-empty list of turns, each an object with a speaker field and {@code content}.
   *
   * @param roleKey the speaker's field, e.g. {@code role} or {@code type}
   * @param roles the speaker names accepted, with the role each stands for
   */
  Optional<List<Turn>> turns(String path, String roleKey, Map<String, Role> roles) {
    JsonNode value = get(path);
    if (value == null || !value.isArray() || value.isEmpty()) {
      problem(
          path,
          (value == null ? "missing" : "got " + JsonTypes.describe(value))
              + " (expected a non-empty list of {\""
              + roleKey
              + "\", \"content\"} objects)");
      return Optional.empty();
    }
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      turn(path + "[" + i + "]", value.get(i), roleKey, roles).ifPresent(turns::add);
    }
    return turns.size() == value.size() ? Optional.of(turns) : Optional.empty();
  }

  private Optional<Turn> turn(
      String where, JsonNode value, String roleKey, Map<String, Role> roles) {
    if (!value.isObject()) {
      problem(
          where,
          "expected an object with \""
              + roleKey
              + "\" and \"content\", got "
              + JsonTypes.describe(value));
      return Optional.empty();
    }
    JsonNode speaker = value.get(roleKey);
    Role role = speaker != null && speaker.isTextual() ? roles.get(speaker.asText()) : null;
    if (role == null) {
      problem(
          where + "." + roleKey,
          "expected one of " + roles.keySet() + ", got " + (speaker == null ? "nothing" : speaker));
    }
    JsonNode content = value.get("content");
    Optional<String> text =
        content == null || content.isNull()
            ? missing(where + ".content")
            : text(where + ".content", content);
    return role == null || text.isEmpty()
        ? Optional.empty()
        : Optional.of(new Turn(role, text.get()));
  }

  private Optional<String> missing(String where) {
    problem(where, "missing (expected a non-empty string)");
    return Optional.empty();
  }

  private Optional<String> text(String where, JsonNode value) {
    if (!value.isTextual()) {
      problem(where, "expected a string, got " + JsonTypes.describe(value));
      return Optional.empty();
    }
    if (value.asText().isBlank()) {
      problem(where, "expected a non-empty string");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }
}
