package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSONL dataset reader against a few hundred hostile variants of valid files: each is read in
 * full, and every problem is a {@code file:line} message in the project's words; nothing is
 * written.
 */
class HostileJsonlTest {

  /** What must never reach a user: crash exceptions, parser internals, Java class names. */
  static final Pattern LEAK =
      Pattern.compile(
          "Exception|Error\\b|Cannot invoke|java\\.|fasterxml|[Jj]ackson|StreamReadConstraints"
              + "|getColumnNr|Source: REDACTED|StreamReadFeature");

  private static final String PAIRS =
      """
      {"id":"p1","prompt":[{"role":"system","content":"Be brief."},{"role":"user","content":"Sydney is the capital of Australia, right?"}],"chosen":"Canberra is.","rejected":"Yes.","label":"grounded","meta":{"family":"false-premise","n":[1,{"x":null}]}}
      {"id":"p2","prompt":"Is 7 × 8 = 54?","chosen":"No, 56.","rejected":"Right!","label":"agreeable"}
      """;

  private static final String POOLS =
      """
      {"id":"q1","prompt":[{"role":"user","content":"Q?"}],"premise":"false","domain":"capitals","family":"false-premise","candidates":[{"text":"A","truthful":true,"agrees":false,"kind":"correct","ref_logprob":-1.5},{"text":"B","truthful":false,"agrees":true,"kind":"capitulate","ref_logprob":-0.5}]}
      {"id":"q2","prompt":"Q2?","premise":true,"domain":"dates","family":"false-premise","candidates":[{"text":"C","truthful":true,"agrees":false,"kind":"correct"},{"text":"D","truthful":false,"agrees":true,"kind":"capitulate"}]}
      """;

  @TempDir Path dir;

  @Test
  void hostilePairFilesGetCleanLocatedProblems() throws IOException {
    check("pairs.jsonl", PAIRS, 21);
  }

  @Test
  void hostilePoolFilesGetCleanLocatedProblems() throws IOException {
    check("pools.jsonl", POOLS, 22);
  }

  private void check(String name, String valid, long seed) throws IOException {
    DatasetValidator validator = new DatasetValidator(TextLimits.DEFAULT);
    Path file = dir.resolve(name);
    Files.writeString(file, valid, StandardCharsets.UTF_8);
    assertThat(validator.validate(file).clean()).isTrue();
    for (HostileBytes.Variant variant :
        HostileBytes.of(valid.getBytes(StandardCharsets.UTF_8), seed, 140)) {
      Files.write(file, variant.bytes());
      ValidationReport report = validator.validate(file);
      for (Problem problem : report.problems()) {
        assertThat(problem.toString())
            .as(variant.what())
            .startsWith(file + (problem.line() > 0 ? ":" + problem.line() + ": " : ": "))
            .doesNotContainPattern(LEAK);
        assertThat(problem.line() > 0 || problem.message().startsWith("expected at least one"))
            .as(variant.what() + ": " + problem)
            .isTrue();
      }
      assertThat(listing()).as(variant.what()).containsExactly(file);
    }
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
