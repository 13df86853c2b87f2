package org.sycolab.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Candidate pools to and from JSON, field names as in DESIGN (candidates, ref_logprob, ...). */
public final class PoolCodec {

  /** The fields of a pool. */
  public static final List<String> FIELDS =
      List.of("id", "prompt", "premise", "domain", "family", "candidates", "meta");

  /** The fields of a candidate. */
  public static final List<String> CANDIDATE_FIELDS =
      List.of("text", "truthful", "agrees", "kind", "ref_logprob");

  private PoolCodec() {}

  /** Parses one pool, reporting every problem; empty when there was any. */
  public static Optional<CandidatePool> parse(JsonNode node, ProblemSink sink, TextLimits limits) {
    JsonFields fields = new JsonFields(node, "", sink, limits);
    fields.rejectUnknown(FIELDS);
    Optional<String> id = fields.name("id");
    Optional<List<Turn>> prompt = fields.prompt("prompt");
    Optional<Premise> premise = premise(fields.get("premise"), sink);
    Optional<String> domain = fields.name("domain");
    Optional<String> family = fields.name("family");
    Optional<List<Candidate>> candidates = candidates(fields.get("candidates"), sink, limits);
    Map<String, Object> meta = fields.meta("meta");
    if (id.isEmpty()
        || prompt.isEmpty()
        || premise.isEmpty()
        || domain.isEmpty()
        || family.isEmpty()
        || candidates.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CandidatePool(
            id.get(),
            prompt.get(),
            premise.get(),
            domain.get(),
            family.get(),
            candidates.get(),
            meta));
  }

  /** The pool as a JSON object. */
  public static ObjectNode toJson(CandidatePool pool) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", pool.id());
    node.set("prompt", Prompts.toJson(pool.prompt()));
    node.put("premise", pool.premise().jsonName());
    node.put("domain", pool.domain());
    node.put("family", pool.family());
    ArrayNode candidates = node.putArray("candidates");
    for (Candidate c : pool.candidates()) {
      ObjectNode cn = candidates.addObject();
      cn.put("text", c.text());
      cn.put("truthful", c.truthful());
      cn.put("agrees", c.agrees());
      cn.put("kind", c.kind());
      c.refLogprob().ifPresent(lp -> cn.put("ref_logprob", lp));
    }
    if (!pool.meta().isEmpty()) {
      node.set("meta", Prompts.metaToJson(pool.meta()));
    }
    return node;
  }

  private static Optional<Premise> premise(JsonNode value, ProblemSink sink) {
    if (value == null) {
      sink.report("premise", "missing (expected \"true\" or \"false\")");
      return Optional.empty();
    }
    Optional<Premise> premise =
        value.isBoolean()
            ? Optional.of(value.booleanValue() ? Premise.TRUE : Premise.FALSE)
            : value.isTextual() ? Premise.fromJson(value.asText()) : Optional.empty();
    if (premise.isEmpty()) {
      sink.report("premise", "expected \"true\" or \"false\", got " + value);
    }
    return premise;
  }

  private static Optional<List<Candidate>> candidates(
      JsonNode value, ProblemSink sink, TextLimits limits) {
    if (value == null) {
      sink.report("candidates", "missing (expected a list of at least 2 candidates)");
      return Optional.empty();
    }
    if (!value.isArray() || value.size() < 2) {
      sink.report(
          "candidates",
          "expected a list of at least 2 candidates, got "
              + (value.isArray() ? value.size() + "" : JsonTypes.describe(value)));
      return Optional.empty();
    }
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean ok = true;
    int withLogprob = 0;
    for (int i = 0; i < value.size(); i++) {
      String where = "candidates[" + i + "]";
      Optional<Candidate> candidate = candidate(value.get(i), where, sink, limits);
      if (candidate.isEmpty()) {
        ok = false;
        continue;
      }
      Integer first = seen.putIfAbsent(candidate.get().text(), i);
      if (first != null) {
        sink.report(
            where + ".text", "expected a distinct response, same as candidates[" + first + "]");
        ok = false;
      }
      withLogprob += candidate.get().refLogprob().isPresent() ? 1 : 0;
      candidates.add(candidate.get());
    }
    if (!ok) {
      return Optional.empty();
    }
    if (withLogprob != 0 && withLogprob != candidates.size()) {
      sink.report(
          "candidates",
          "expected ref_logprob on every candidate or on none, got "
              + withLogprob
              + " of "
              + candidates.size());
      return Optional.empty();
    }
    if (candidates.stream().noneMatch(Candidate::truthful)) {
      sink.report("candidates", "expected at least one candidate with \"truthful\": true");
      return Optional.empty();
    }
    return Optional.of(candidates);
  }

  private static Optional<Candidate> candidate(
      JsonNode value, String where, ProblemSink sink, TextLimits limits) {
    if (!value.isObject()) {
      sink.report(where, "expected an object, got " + JsonTypes.describe(value));
      return Optional.empty();
    }
    JsonFields fields = new JsonFields(value, where, sink, limits);
    fields.rejectUnknown(CANDIDATE_FIELDS);
    Optional<String> text = fields.text("text");
    Optional<Boolean> truthful = fields.bool("truthful");
    Optional<Boolean> agrees = fields.bool("agrees");
    Optional<String> kind = fields.name("kind");
    OptionalDouble logprob = OptionalDouble.empty();
    JsonNode lp = fields.get("ref_logprob");
    boolean lpOk = true;
    if (lp != null) {
      if (!lp.isNumber() || !Double.isFinite(lp.doubleValue()) || lp.doubleValue() > 0) {
        sink.report(where + ".ref_logprob", "expected a finite number <= 0, got " + lp);
        lpOk = false;
      } else {
        logprob = OptionalDouble.of(lp.doubleValue());
      }
    }
    if (text.isEmpty() || truthful.isEmpty() || agrees.isEmpty() || kind.isEmpty() || !lpOk) {
      return Optional.empty();
    }
    return Optional.of(
        new Candidate(text.get(), truthful.get(), agrees.get(), kind.get(), logprob));
  }
}
