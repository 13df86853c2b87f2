package org.sycolab.data.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sycolab.data.JsonLine;
import org.sycolab.data.Utf8LineReader;

/**
 * Reads a JSONL file one object at a time with strict UTF-8 and JSON (no duplicate keys, nothing
 * after the object), reporting undecodable lines, bad JSON and non-objects as problems. Blank lines
 * and a missing final newline are fine.
 */
final class JsonLines {

  private JsonLines() {}

  /** Hands each JSON object of {@code file} to {@code handler} as fields located at its line. */
  static void read(Path file, ImportBatch batch, Handler handler) throws IOException {
    try (Utf8LineReader reader = new Utf8LineReader(Files.newInputStream(file))) {
      for (Utf8LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        if (line.error() != null) {
          batch.problem(file, line.number(), "", line.error());
        } else if (!line.text().isBlank()) {
          parse(file, line, batch, handler);
        }
      }
    }
  }

  private static void parse(
      Path file, Utf8LineReader.Line line, ImportBatch batch, Handler handler) {
    Optional<JsonNode> parsed =
        JsonLine.parse(line.text(), m -> batch.problem(file, line.number(), "", m));
    if (parsed.isEmpty()) {
      return;
    }
    JsonNode node = parsed.get();
    if (!node.isObject()) {
      batch.problem(file, line.number(), "", "expected a JSON object");
      return;
    }
    handler.record(new SourceFields(file, line.number(), node, batch));
  }

  /** Receives one JSON object of the file. */
  @FunctionalInterface
  interface Handler {
    void record(SourceFields fields);
  }
}
