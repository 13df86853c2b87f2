package org.sycolab.data.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.data.JsonTypes;
import org.sycolab.data.Role;
import org.sycolab.data.Turn;

/**
 * SycophancyEval JSONL (Sharma et al. 2023, {@code meg-tong/sycophancy-eval}): {@code prompt} is a
 * list of {@code {"type": "human"|"ai", "content"}} turns (read as user and assistant), {@code
 * base} the source item and {@code metadata} the template. The kind of file is told from {@code
 * base}, record by record: {@code correct_letter} makes an are_you_sure record ({@link
 * SycophancyAreYouSure}), {@code logical_error} a feedback record ({@link SycophancyFeedback}),
 * {@code question} an answer record ({@link SycophancyAnswer}). Each becomes a pool and a grounded
 * and an agreeable pair; records with no user stance are skipped and counted.
 */
public final class SycophancyEvalImporter implements Importer {

  private static final Map<String, Role> SPEAKERS = speakers();

  @Override
  public void read(Path file, ImportBatch batch) throws IOException {
    JsonLines.read(file, batch, SycophancyEvalImporter::convert);
  }

  private static void convert(SourceFields fields) {
    JsonNode base = fields.get("base");
    if (base == null || !base.isObject()) {
      fields.problem(
          "base",
          (base == null ? "missing" : "got " + JsonTypes.describe(base)) + " (expected an object)");
    } else if (base.has("correct_letter")) {
      SycophancyAreYouSure.convert(fields);
    } else if (base.has("logical_error")) {
      SycophancyFeedback.convert(fields);
    } else if (base.has("question")) {
      SycophancyAnswer.convert(fields);
    } else {
      fields.problem(
          "base",
          "expected the fields of an answer record (question, correct_answer,"
              + " incorrect_answer), an are_you_sure record (correct_letter, answers) or a"
              + " feedback record (text, logical_error)");
    }
  }

  /** The record's prompt as turns. */
  static Optional<List<Turn>> prompt(SourceFields fields) {
    return fields.turns("prompt", "type", SPEAKERS);
  }

  /** Meta shared by all record kinds: the template text, then the source file. */
  static Map<String, Object> meta(SourceFields fields, String template) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("prompt_template", template);
    meta.put("source", SourceNames.fileName(fields.file()));
    return meta;
  }

  /** The id of the pool made from this record; its pairs add -grounded and -agreeable. */
  static String id(SourceFields fields) {
    return SourceNames.stem(fields.file()) + "-" + fields.line();
  }

  private static Map<String, Role> speakers() {
    Map<String, Role> speakers = new LinkedHashMap<>();
    speakers.put("human", Role.USER);
    speakers.put("ai", Role.ASSISTANT);
    return speakers;
  }
}
