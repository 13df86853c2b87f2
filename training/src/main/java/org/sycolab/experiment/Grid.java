package org.sycolab.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep axis as the pull command takes it: {@code 0:1:0.1}, {@code 1,4,16}, {@code none}, or a
 * YAML list of values, kept as the command-line text.
 */
public record Grid(String text) {

  /** Reads a scalar or a list of scalars. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Grid of(JsonNode node) {
    if (node.isArray()) {
      List<String> values = new ArrayList<>();
      for (JsonNode value : node) {
        if (!value.isValueNode() || value.isNull()) {
          throw new IllegalArgumentException("expected a list of numbers, got " + node);
        }
        values.add(value.asText());
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException("expected at least one value");
      }
      return new Grid(String.join(",", values));
    }
    if (node.isValueNode() && !node.isNull()) {
      return new Grid(node.asText());
    }
    throw new IllegalArgumentException("expected a number, a list or a grid such as 0:1:0.1");
  }

  /** The axis as the pull command takes it. */
  @JsonValue
  @Override
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
