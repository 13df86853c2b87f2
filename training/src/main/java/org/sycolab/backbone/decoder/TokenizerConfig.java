package org.sycolab.backbone.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sycolab.backbone.JsonObjectFile;
import org.sycolab.backbone.ModelFormatException;

/**
 * The fields of a model directory's {@code tokenizer_config.json} that decide how a conversation is
 * rendered, checked for type when read.
 *
 * @param file the file they were read from
 * @param chatTemplate the {@code chat_template} (the one named {@code default} when it is a list)
 * @param bosToken the {@code bos_token}'s text
 */
record TokenizerConfig(Path file, Optional<String> chatTemplate, Optional<String> bosToken) {

  /** The file name within a model directory. */
  static final String FILE_NAME = "tokenizer_config.json";

  /** Reads the file from a model directory; empty when the directory has none. */
  static Optional<TokenizerConfig> read(Path modelDir) throws IOException {
    Path file = modelDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root = JsonObjectFile.read(file);
    return Optional.of(
        new TokenizerConfig(file, chatTemplate(file, root), bosToken(file, root.get("bos_token"))));
  }

  /** A string, or a list of {@code {name, template}} objects of which {@code default} is used. */
  private static Optional<String> chatTemplate(Path file, JsonNode root) {
    JsonNode node = root.get("chat_template");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return Optional.of(node.textValue());
    }
    if (!node.isArray()) {
      throw new ModelFormatException(
          file, "chat_template", "must be a string or a list of {name, template}, got " + node);
    }
    for (JsonNode entry : node) {
      JsonNode name = entry.get("name");
      JsonNode template = entry.get("template");
      if (name == null || !name.isTextual() || template == null || !template.isTextual()) {
        throw new ModelFormatException(
            file, "chat_template", "each entry must have a string name and template, got " + entry);
      }
      if (name.textValue().equals("default")) {
        return Optional.of(template.textValue());
      }
    }
    throw new ModelFormatException(file, "chat_template", "has no entry named default");
  }

  /** A string, or an object whose {@code content} is the token's text. */
  private static Optional<String> bosToken(Path file, JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    JsonNode text = node.isObject() ? node.get("content") : node;
    if (text == null || !text.isTextual()) {
      throw new ModelFormatException(
          file, "bos_token", "must be a string or an object with a string content, got " + node);
    }
    return Optional.of(text.textValue());
  }
}
