package org.sycolab.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** JSON forms shared by pairs and pools: the list of turns and the free {@code meta} object. */
final class Prompts {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private Prompts() {}

  static ArrayNode toJson(List<Turn> turns) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Turn turn : turns) {
      ObjectNode node = array.addObject();
      node.put("role", turn.role().jsonName());
      node.put("content", turn.content());
    }
    return array;
  }

  static ObjectNode metaToJson(Map<String, Object> meta) {
    return PLAIN.valueToTree(meta);
  }
}
