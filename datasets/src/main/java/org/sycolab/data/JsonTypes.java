package org.sycolab.data;

import com.fasterxml.jackson.databind.JsonNode;

/** Names of JSON value types as error messages use them ("expected a string, got a list"). */
public final class JsonTypes {

  private JsonTypes() {}

  /** A short description of a value's type. */
  public static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return value.asText();
    }
    if (value.isArray()) {
      return value.isEmpty() ? "an empty list" : "a list";
    }
    return value.isObject() ? "an object" : "null";
  }
}
