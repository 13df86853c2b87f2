package org.sycolab.data.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Role;
import org.sycolab.data.Turn;

/**
 * TRL preference JSONL. Explicit prompt: {@code prompt} (a string, read as one user turn, or a list
 * of {@code {role, content}}), with {@code chosen} and {@code rejected} each a string or a list
 * holding one assistant message. Implicit prompt: {@code chosen} and {@code rejected} are whole
 * conversations; their longest shared prefix is the prompt and the final assistant message of each
 * is the response. TRL records carry no label, so every pair gets the label the user gives. The id
 * is the record's {@code id}, else {@code <file-stem>-<line>}; other scalar fields go into {@code
 * meta} beside {@code source} (the file name); list and object fields are not carried.
 */
public final class TrlImporter implements Importer {

  private static final Map<String, Role> ROLES = roles();
  private static final Set<String> STRUCTURE = Set.of("id", "prompt", "chosen", "rejected");

  private final Label label;

  /** An importer giving every pair {@code label}. */
  public TrlImporter(Label label) {
    this.label = label;
  }

  @Override
  public void read(Path file, ImportBatch batch) throws IOException {
    JsonLines.read(file, batch, this::convert);
  }

  private void convert(SourceFields fields) {
    Optional<String> id = id(fields);
    Optional<Exchange> exchange = fields.has("prompt") ? explicit(fields) : implicit(fields);
    if (id.isEmpty() || exchange.isEmpty()) {
      return;
    }
    Exchange e = exchange.get();
    fields
        .batch()
        .add(
            fields.file(),
            fields.line(),
            new PreferencePair(
                id.get(), e.prompt(), e.chosen(), e.rejected(), label, meta(fields)));
  }

  private static Optional<String> id(SourceFields fields) {
    JsonNode id = fields.get("id");
    if (id == null) {
      return Optional.of(SourceNames.stem(fields.file()) + "-" + fields.line());
    }
    if (id.isIntegralNumber()) {
      return Optional.of(id.asText());
    }
    return fields.text("id");
  }

  private static Optional<Exchange> explicit(SourceFields fields) {
    JsonNode promptNode = fields.get("prompt");
    Optional<List<Turn>> prompt =
        promptNode.isTextual()
            ? fields.text("prompt").map(text -> List.of(Turn.user(text)))
            : fields.turns("prompt", "role", ROLES);
    Optional<String> chosen = response(fields, "chosen");
    Optional<String> rejected = response(fields, "rejected");
    if (prompt.isEmpty() || chosen.isEmpty() || rejected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Exchange(prompt.get(), chosen.get(), rejected.get()));
  }

  /** A response given as a string, or as a list holding one assistant message. */
  private static Optional<String> response(SourceFields fields, String name) {
    JsonNode value = fields.get(name);
    if (value == null || !value.isArray()) {
      return fields.text(name);
    }
    Optional<List<Turn>> turns = fields.turns(name, "role", ROLES);
    if (turns.isEmpty()) {
      return Optional.empty();
    }
    if (turns.get().size() != 1 || turns.get().get(0).role() != Role.ASSISTANT) {
      fields.problem(
          name,
          "expected one assistant message (the conversation before it belongs in prompt), got "
              + turns.get().size()
              + " messages");
      return Optional.empty();
    }
    return Optional.of(turns.get().get(0).content());
  }

  private static Optional<Exchange> implicit(SourceFields fields) {
    JsonNode chosenNode = fields.get("chosen");
    JsonNode rejectedNode = fields.get("rejected");
    if (chosenNode == null
        || rejectedNode == null
        || !chosenNode.isArray()
        || !rejectedNode.isArray()) {
      fields.problem(
          "prompt",
          "missing (expected a prompt, or chosen and rejected as conversations that share one)");
      return Optional.empty();
    }
    Optional<List<Turn>> chosen = fields.turns("chosen", "role", ROLES);
    Optional<List<Turn>> rejected = fields.turns("rejected", "role", ROLES);
    if (chosen.isEmpty() || rejected.isEmpty()) {
      return Optional.empty();
    }
    return split(fields, chosen.get(), rejected.get());
  }

  /** Splits two conversations into their shared prompt and their last assistant messages. */
  private static Optional<Exchange> split(
      SourceFields fields, List<Turn> chosen, List<Turn> rejected) {
    int shared = 0;
    int limit = Math.min(chosen.size(), rejected.size()) - 1;
    while (shared < limit && chosen.get(shared).equals(rejected.get(shared))) {
      shared++;
    }
    if (shared == 0) {
      fields.problem(
          "chosen",
          "expected chosen and rejected to share their first turns (the implicit prompt), they"
              + " share none");
      return Optional.empty();
    }
    boolean ok = lastIsOnlyAssistant(fields, "chosen", chosen, shared);
    ok &= lastIsOnlyAssistant(fields, "rejected", rejected, shared);
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new Exchange(
            chosen.subList(0, shared),
            chosen.get(shared).content(),
            rejected.get(shared).content()));
  }

  private static boolean lastIsOnlyAssistant(
      SourceFields fields, String name, List<Turn> turns, int shared) {
    if (turns.size() != shared + 1 || turns.get(shared).role() != Role.ASSISTANT) {
      fields.problem(
          name + "[" + shared + "]",
          "expected the conversations to differ only in one final assistant message, after "
              + shared
              + " shared turns");
      return false;
    }
    return true;
  }

  private static Map<String, Object> meta(SourceFields fields) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("source", SourceNames.fileName(fields.file()));
    Iterator<Map.Entry<String, JsonNode>> entries = fields.root().fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode value = entry.getValue();
      if (STRUCTURE.contains(entry.getKey()) || !value.isValueNode() || value.isNull()) {
        continue;
      }
      Object scalar =
          value.isTextual()
              ? value.asText()
              : value.isBoolean() ? value.booleanValue() : value.numberValue();
      meta.putIfAbsent(entry.getKey(), scalar);
    }
    return meta;
  }

  private static Map<String, Role> roles() {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      roles.put(role.jsonName(), role);
    }
    return roles;
  }

  /** A prompt and its two responses. */
  private record Exchange(List<Turn> prompt, String chosen, String rejected) {}
}
