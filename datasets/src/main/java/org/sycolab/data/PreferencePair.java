package org.sycolab.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One preference: for {@code prompt}, {@code chosen} is preferred over {@code rejected} under
 * {@code label}. Compatible with TRL's explicit-prompt preference format.
 *
 * @param id unique within its file
 * @param prompt the conversation so far, at least one turn
 * @param chosen the preferred response
 * @param rejected the other response
 * @param label agreeable (what the user approves of) or grounded (what is true)
 * @param meta free metadata; the generator sets domain, premise, split, family, template
 */
public record PreferencePair(
    String id,
    List<Turn> prompt,
    String chosen,
    String rejected,
    Label label,
    Map<String, Object> meta)
    implements DatasetRecord {

  /** Copies the collections, keeping meta's order so written files are deterministic. */
  public PreferencePair {
    Objects.requireNonNull(id, "id");
    prompt = List.copyOf(prompt);
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(label, "label");
    meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
  }

  /** A metadata value as text, when present. */
  public Optional<String> metaString(String key) {
    return Optional.ofNullable(meta.get(key)).map(Object::toString);
  }
}
