package org.sycolab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Preference pairs to and from JSON, field names as in DESIGN: id, prompt, chosen, ... */
public final class PairCodec {

  /** The fields of a pair, in the order they are written. */
  public static final List<String> FIELDS =
      List.of("id", "prompt", "chosen", "rejected", "label", "meta");

  private PairCodec() {}

  /** Parses one pair, reporting every problem; empty when there was any. */
  public static Optional<PreferencePair> parse(JsonNode node, ProblemSink sink, TextLimits limits) {
    JsonFields fields = new JsonFields(node, "", sink, limits);
    fields.rejectUnknown(FIELDS);
    Optional<String> id = fields.name("id");
    Optional<List<Turn>> prompt = fields.prompt("prompt");
    Optional<String> chosen = fields.text("chosen");
    Optional<String> rejected = fields.text("rejected");
    Optional<Label> label = fields.name("label").flatMap(l -> label(l, sink));
    Map<String, Object> meta = fields.meta("meta");
    if (chosen.isPresent() && chosen.equals(rejected)) {
      sink.report("chosen", "expected a response different from rejected, got the same text");
      return Optional.empty();
    }
    if (id.isEmpty() || prompt.isEmpty() || chosen.isEmpty() || rejected.isEmpty()) {
      return Optional.empty();
    }
    if (label.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PreferencePair(
            id.get(), prompt.get(), chosen.get(), rejected.get(), label.get(), meta));
  }

  /** The pair as a JSON object. */
  public static ObjectNode toJson(PreferencePair pair) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", pair.id());
    node.set("prompt", Prompts.toJson(pair.prompt()));
    node.put("chosen", pair.chosen());
    node.put("rejected", pair.rejected());
    node.put("label", pair.label().jsonName());
    if (!pair.meta().isEmpty()) {
      node.set("meta", Prompts.metaToJson(pair.meta()));
    }
    return node;
  }

  private static Optional<Label> label(String text, ProblemSink sink) {
    Optional<Label> label = Label.fromJson(text);
    if (label.isEmpty()) {
      sink.report("label", "expected agreeable or grounded, got '" + text + "'");
    }
    return label;
  }
}
