package org.sycolab.backbone;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a model file that must hold one JSON object, naming the file and line of a problem. */
public final class JsonObjectFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonObjectFile() {}

  /**
   * The file's object.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws ModelFormatException when it is not JSON or not an object
   */
  public static JsonNode read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JacksonException e) {
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new ModelFormatException(file, "is not valid JSON: " + e.getOriginalMessage() + line);
    }
    if (root == null || !root.isObject()) {
      throw new ModelFormatException(file, "must hold a JSON object");
    }
    return root;
  }
}
