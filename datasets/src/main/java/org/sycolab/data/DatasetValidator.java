package org.sycolab.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Checks a whole JSONL dataset file, streaming, and reports every problem as {@code file:line:
 * field: what was expected}: bad JSON, invalid UTF-8, missing or empty fields, unknown fields and
 * labels, duplicate ids, identical chosen and rejected, pools without a truthful candidate,
 * over-long texts. Only ids are kept in memory, never texts.
 */
public final class DatasetValidator {

  /** How many problems a report keeps; all are counted. */
  public static final int MAX_KEPT_PROBLEMS = 1000;

  private final TextLimits limits;

  /** A validator with the given text limits. */
  public DatasetValidator(TextLimits limits) {
    this.limits = limits;
  }

  /** Validates {@code file}, discarding the records. */
  public ValidationReport validate(Path file) throws IOException {
    return validate(file, record -> {});
  }

  /**
   * Validates {@code file}, handing each valid record to {@code records} in file order.
   *
   * @throws IOException when the file cannot be read at all
   */
  public ValidationReport validate(Path file, Consumer<DatasetRecord> records) throws IOException {
    State state = new State(file.toString());
    Optional<String> notAFile = notAFile(file);
    if (notAFile.isPresent()) {
      state.report(0, "", notAFile.get());
      return report(state);
    }
    try (Utf8LineReader reader = new Utf8LineReader(Files.newInputStream(file))) {
      for (Utf8LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        state.lines = line.number();
        if (line.error() != null) {
          state.report(line.number(), "", line.error());
        } else if (!line.text().isBlank()) {
          readRecord(line, state).ifPresent(records);
        }
      }
    }
    return report(state);
  }

  /**
   * Why {@code file} cannot be read as a dataset (a directory, missing, not a regular file), or
   * empty when it is a regular file. Every command that reads a dataset or an import says it so.
   */
  public static Optional<String> notAFile(Path file) {
    if (Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (Files.isDirectory(file)) {
      return Optional.of("expected a file, got a directory");
    }
    return Optional.of(Files.exists(file) ? "expected a regular file" : "no such file");
  }

  /**
   * Validates records about to be written, exactly as if read back from a file named {@code name}:
   * line numbers count records from 1. Lets a writer refuse bad output before writing.
   */
  public ValidationReport validate(String name, Iterable<? extends DatasetRecord> records) {
    State state = new State(name);
    for (DatasetRecord record : records) {
      state.lines++;
      readRecord(Utf8LineReader.Line.text(state.lines, Datasets.toJsonLine(record)), state);
    }
    return report(state);
  }

  private static ValidationReport report(State state) {
    if (state.kind == null && state.problemCount == 0) {
      state.report(0, "", "expected at least one JSON record, the file has none");
    }
    return new ValidationReport(
        state.file,
        Optional.ofNullable(state.kind),
        state.lines,
        state.records,
        state.problemCount,
        state.problems,
        state.counts);
  }

  private Optional<DatasetRecord> readRecord(Utf8LineReader.Line line, State state) {
    long number = line.number();
    Optional<JsonNode> parsed = JsonLine.parse(line.text(), m -> state.report(number, "", m));
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = parsed.get();
    if (!node.isObject()) {
      state.report(number, "", "expected a JSON object, got " + JsonTypes.describe(node));
      return Optional.empty();
    }
    RecordKind kind = kindOf(node);
    if (kind == null) {
      state.report(
          number,
          "",
          "expected a preference pair (id, prompt, chosen, rejected, label) or a candidate pool"
              + " (id, prompt, premise, domain, family, candidates)");
      return Optional.empty();
    }
    if (state.kind == null) {
      state.kind = kind;
      state.kindLine = number;
    } else if (state.kind != kind) {
      state.report(
          number,
          "",
          "expected one of the "
              + state.kind.description()
              + " this file holds (from line "
              + state.kindLine
              + "), got one of the "
              + kind.description());
      return Optional.empty();
    }
    ProblemSink sink = (field, message) -> state.report(number, field, message);
    long before = state.problemCount;
    Optional<? extends DatasetRecord> record =
        kind == RecordKind.PAIRS
            ? PairCodec.parse(node, sink, limits)
            : PoolCodec.parse(node, sink, limits);
    JsonNode id = node.get("id");
    if (id != null && id.isTextual() && !id.asText().isBlank()) {
      Long first = state.ids.putIfAbsent(id.asText(), number);
      if (first != null) {
        state.report(
            number, "id", "expected a unique id, '" + id.asText() + "' is also on line " + first);
        return Optional.empty();
      }
    }
    if (record.isEmpty() || state.problemCount > before) {
      return Optional.empty();
    }
    state.records++;
    String key =
        record.get() instanceof PreferencePair pair
            ? pair.label().jsonName()
            : ((CandidatePool) record.get()).family();
    state.counts.merge(key, 1L, Long::sum);
    return Optional.of(record.get());
  }

  private static RecordKind kindOf(JsonNode node) {
    if (node.has("candidates")) {
      return RecordKind.POOLS;
    }
    if (node.has("chosen") || node.has("rejected")) {
      return RecordKind.PAIRS;
    }
    return null;
  }

  /** What one validation pass has seen so far. */
  private static final class State {
    final String file;
    final Map<String, Long> ids = new HashMap<>();
    final List<Problem> problems = new ArrayList<>();
    final Map<String, Long> counts = new TreeMap<>();
    RecordKind kind;
    long kindLine;
    long lines;
    long records;
    long problemCount;

    State(String file) {
      this.file = file;
    }

    void report(long line, String field, String message) {
      problemCount++;
      if (problems.size() < MAX_KEPT_PROBLEMS) {
        problems.add(new Problem(file, line, field, message));
      }
    }
  }
}
