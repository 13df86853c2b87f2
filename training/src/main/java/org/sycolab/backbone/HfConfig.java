package org.sycolab.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Hugging Face {@code config.json}, read field by field so that a missing or mistyped field is
 * reported with the file and the field's name.
 */
public final class HfConfig {

  /** The file name of a model directory's configuration. */
  public static final String FILE_NAME = "config.json";

  private final Path file;
  private final String prefix;
  private final JsonNode root;

  private HfConfig(Path file, String prefix, JsonNode root) {
    this.file = file;
    this.prefix = prefix;
    this.root = root;
  }

  /** Reads {@code config.json} from a model directory. */
  public static HfConfig read(Path modelDir) throws IOException {
    Path file = modelDir.resolve(FILE_NAME);
    try {
      return new HfConfig(file, "", JsonObjectFile.read(file));
    } catch (NoSuchFileException e) {
      throw new ModelFormatException(file, "missing; a model directory needs config.json");
    }
  }

  /** The file this configuration was read from. */
  public Path file() {
    return file;
  }

  /** The {@code model_type} field, which selects the architecture. */
  public String modelType() {
    return requiredString("model_type");
  }

  /** A required positive integer field. */
  public int requiredInt(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new ModelFormatException(file, prefix + field, "missing");
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() <= 0) {
      throw new ModelFormatException(
          file, prefix + field, "must be a positive integer, got " + node);
    }
    return node.intValue();
  }

  /** An optional positive integer field. */
  public int optionalInt(String field, int fallback) {
    return has(field) ? requiredInt(field) : fallback;
  }

  /**
   * An optional token id: a non-negative integer (0 is a valid id, unlike the sizes {@link
   * #requiredInt} reads); empty when absent or null.
   */
  public OptionalInt optionalTokenId(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return OptionalInt.empty();
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
      throw new ModelFormatException(
          file, prefix + field, "must be a token id (an integer, 0 or more), got " + node);
    }
    return OptionalInt.of(node.intValue());
  }

  /** The number of entries of an optional object field; empty when absent or null. */
  public OptionalInt optionalObjectSize(String field) {
    return optionalObject(field)
        .map(object -> OptionalInt.of(object.root.size()))
        .orElse(OptionalInt.empty());
  }

  /** True when {@code field} is present and not null. */
  public boolean has(String field) {
    return root.hasNonNull(field);
  }

  /** True when {@code field} is present with the value null. */
  public boolean isExplicitNull(String field) {
    return root.has(field) && root.get(field).isNull();
  }

  /** A field's name as error messages give it: with the path of the object it is in. */
  public String name(String field) {
    return prefix + field;
  }

  /** A required positive number field. */
  public double requiredDouble(String field) {
    if (!has(field)) {
      throw new ModelFormatException(file, prefix + field, "missing");
    }
    return optionalDouble(field, 0);
  }

  /** An optional list of strings; empty when absent. */
  public List<String> optionalStrings(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    String problem = "must be a list of strings, got " + node;
    if (!node.isArray()) {
      throw new ModelFormatException(file, prefix + field, problem);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw new ModelFormatException(file, prefix + field, problem);
      }
      values.add(element.textValue());
    }
    return values;
  }

  /** An optional positive number field. */
  public double optionalDouble(String field, double fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber() || node.doubleValue() <= 0) {
      throw new ModelFormatException(
          file, prefix + field, "must be a positive number, got " + node);
    }
    return node.doubleValue();
  }

  /** An optional boolean field. */
  public boolean optionalBoolean(String field, boolean fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw new ModelFormatException(file, prefix + field, "must be true or false, got " + node);
    }
    return node.booleanValue();
  }

  /** An optional object field as a configuration of its own, its fields named {@code field.x}. */
  public Optional<HfConfig> optionalObject(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new ModelFormatException(file, prefix + field, "must be an object, got " + node);
    }
    return Optional.of(new HfConfig(file, prefix + field + ".", node));
  }

  /** A required string field. */
  public String requiredString(String field) {
    return optionalString(field)
        .orElseThrow(() -> new ModelFormatException(file, prefix + field, "missing"));
  }

  /** An optional string field. */
  public Optional<String> optionalString(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new ModelFormatException(file, prefix + field, "must be a string, got " + node);
    }
    return Optional.of(node.textValue());
  }
}
