package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetValidatorTest {

  private static final String PAIR_1 =
      "{\"id\":\"p1\",\"prompt\":[{\"role\":\"user\",\"content\":\"Sydney is the capital of"
          + " Australia, right?\"}],\"chosen\":\"Canberra is.\",\"rejected\":\"Yes.\","
          + "\"label\":\"grounded\",\"meta\":{\"family\":\"false-premise\"}}";
  private static final String PAIR_2 =
      "{\"id\":\"p2\",\"prompt\":\"Is 7 × 8 = 54?\",\"chosen\":\"Right!\",\"rejected\":\"No, 56.\","
          + "\"label\":\"agreeable\"}";
  private static final String POOL =
      "{\"id\":\"q1\",\"prompt\":[{\"role\":\"user\",\"content\":\"Q?\"}],\"premise\":\"false\","
          + "\"domain\":\"capitals\",\"family\":\"false-premise\",\"candidates\":["
          + "{\"text\":\"A\",\"truthful\":true,\"agrees\":false,\"kind\":\"correct\"},"
          + "{\"text\":\"B\",\"truthful\":false,\"agrees\":true,\"kind\":\"capitulate\"}]}";

  @TempDir Path dir;

  private final DatasetValidator validator = new DatasetValidator(TextLimits.DEFAULT);

  @Test
  void cleanPairsFileValidatesAndYieldsRecordsInOrder() throws IOException {
    Path file = write("pairs.jsonl", PAIR_1 + "\n" + PAIR_2 + "\n");
    List<DatasetRecord> records = new ArrayList<>();
    ValidationReport report = validator.validate(file, records::add);
    assertThat(report.clean()).as(report.problems().toString()).isTrue();
    assertThat(report.kind()).contains(RecordKind.PAIRS);
    assertThat(records).extracting(DatasetRecord::id).containsExactly("p1", "p2");
    PreferencePair plain = (PreferencePair) records.get(1);
    assertThat(plain.prompt()).containsExactly(Turn.user("Is 7 × 8 = 54?"));
    assertThat(report.summary())
        .isEqualTo(file + ": 2 preference pairs (1 agreeable, 1 grounded), no problems");
  }

  @Test
  void toleratesCrlfBomBlankLinesAndNoFinalNewline() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = (PAIR_1 + "\r\n\r\n" + PAIR_2).getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("pairs.jsonl");
    Files.write(file, concat(bom, body));
    ValidationReport report = validator.validate(file);
    assertThat(report.clean()).as(report.problems().toString()).isTrue();
    assertThat(report.records()).isEqualTo(2);
  }

  @Test
  void reportsEveryProblemWithLineAndField() throws IOException {
    String lines =
        String.join(
            "\n",
            PAIR_1,
            PAIR_1.replace("\"grounded\"", "\"truthful\"").replace("\"p1\"", "\"p1b\""),
            PAIR_2.replace("\"p2\"", "\"p1\""),
            PAIR_2.replace("\"id\":\"p2\",", "").replace("\"No, 56.\"", "\"Right!\""),
            "{\"id\":\"p5\",\"prompt\":[{\"role\":\"bot\",\"content\":\"\"}],\"chosen\":\"a\","
                + "\"rejected\":\"b\",\"label\":\"grounded\",\"lable\":1}",
            PAIR_2.substring(0, 40));
    Path file = write("bad.jsonl", lines + "\n");
    ValidationReport report = validator.validate(file);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file + ":2: label: expected agreeable or grounded, got 'truthful'",
            file + ":3: id: expected a unique id, 'p1' is also on line 1",
            file + ":4: id: missing (expected a non-empty string)",
            file + ":4: chosen: expected a response different from rejected, got the same text",
            file
                + ":5: lable: not a field of this record (expected one of "
                + PairCodec.FIELDS
                + ")",
            file + ":5: prompt[0].role: expected system, user or assistant, got 'bot'",
            file + ":5: prompt[0].content: expected a non-empty string",
            report.problems().get(7).toString());
    assertThat(report.problems().get(7).toString())
        .startsWith(file + ":6: expected valid JSON, ")
        .contains("column");
    assertThat(report.records()).isEqualTo(1);
    assertThat(report.problemCount()).isEqualTo(8);
  }

  @Test
  void invalidUtf8IsReportedWithItsLineAndByte() throws IOException {
    byte[] good = (PAIR_1 + "\n").getBytes(StandardCharsets.UTF_8);
    // 0xC3 opens a two-byte sequence that '(' cannot continue.
    byte[] bad =
        concat(
            "{\"id\":\"x".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xC3, '(', '"', '}', '\n'});
    Path file = dir.resolve("latin.jsonl");
    Files.write(file, concat(good, bad));
    ValidationReport report = validator.validate(file);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file + ":2: expected UTF-8 text, found an invalid byte sequence at byte 9");
  }

  @Test
  void overLongTextIsRejectedNamingTheLimit() throws IOException {
    Path file = write("long.jsonl", PAIR_2.replace("Right!", "x".repeat(101)) + "\n");
    ValidationReport report = new DatasetValidator(new TextLimits(100)).validate(file);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ":1: chosen: expected at most 100 characters, got 101 (raise the limit with"
                + " --max-chars)");
  }

  @Test
  void poolsNeedATruthfulCandidateAndConsistentLogprobs() throws IOException {
    String noTruth = POOL.replace("\"truthful\":true", "\"truthful\":false");
    String partialLogprob =
        POOL.replace("\"id\":\"q1\"", "\"id\":\"q2\"")
            .replace("\"kind\":\"correct\"", "\"kind\":\"correct\",\"ref_logprob\":-0.5");
    String duplicate = POOL.replace("\"id\":\"q1\"", "\"id\":\"q3\"").replace("\"B\"", "\"A\"");
    String badPremise =
        POOL.replace("\"id\":\"q1\"", "\"id\":\"q4\"").replace("\"false\",", "\"maybe\",");
    Path file =
        write("pools.jsonl", String.join("\n", noTruth, partialLogprob, duplicate, badPremise));
    ValidationReport report = validator.validate(file);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file + ":1: candidates: expected at least one candidate with \"truthful\": true",
            file + ":2: candidates: expected ref_logprob on every candidate or on none, got 1 of 2",
            file + ":3: candidates[1].text: expected a distinct response, same as candidates[0]",
            file + ":4: premise: expected \"true\" or \"false\", got \"maybe\"");
  }

  @Test
  void mixingPairsAndPoolsIsRefused() throws IOException {
    Path file = write("mixed.jsonl", PAIR_1 + "\n" + POOL + "\n");
    ValidationReport report = validator.validate(file);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ":2: expected one of the preference pairs this file holds (from line 1), got"
                + " one of the candidate pools");
  }

  @Test
  void emptyFileIsAProblem() throws IOException {
    Path file = write("empty.jsonl", "\n\n");
    assertThat(validator.validate(file).problems())
        .extracting(Problem::toString)
        .containsExactly(file + ": expected at least one JSON record, the file has none");
  }

  @Test
  void truncatedLastLineIsCaught() throws IOException {
    Path file = write("cut.jsonl", PAIR_1 + "\n" + PAIR_2.substring(0, PAIR_2.length() - 9));
    ValidationReport report = validator.validate(file);
    assertThat(report.problemCount()).isEqualTo(1);
    assertThat(report.problems().get(0).line()).isEqualTo(2);
  }

  @Test
  void deepNestingIsALineProblemAndCheckingGoesOn() throws IOException {
    String deep =
        PAIR_1.replace(
            "\"meta\":{", "\"meta\":{\"x\":" + "[".repeat(1_000) + "]".repeat(1_000) + ",");
    Path file =
        write("deep.jsonl", deep + "\n" + PAIR_2 + "\n" + PAIR_2.replace("p2", "p3") + "\n");
    List<DatasetRecord> records = new ArrayList<>();
    ValidationReport report = validator.validate(file, records::add);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .singleElement()
        .asString()
        .startsWith(file + ":1: expected valid JSON, nesting deeper than 64 levels (column ");
    assertThat(records).extracting(DatasetRecord::id).containsExactly("p2", "p3");
  }

  @Test
  void aLoneSurrogateIsRefusedWithItsField() throws IOException {
    String pairs =
        String.join(
            "\n",
            PAIR_2.replace("Right!", "Right \\ud800"),
            PAIR_2.replace("\"p2\"", "\"p3\\udc00\"").replace("Right!", "Right."),
            PAIR_2.replace("\"p2\"", "\"p4\"").replace("Right!", "Right \\ud83d\\ude00"));
    Path file = write("surrogates.jsonl", pairs + "\n");
    ValidationReport report = validator.validate(file);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ":1: chosen: expected Unicode text, found an unpaired surrogate \\ud800 at"
                + " character 7",
            file
                + ":2: id: expected Unicode text, found an unpaired surrogate \\udc00 at"
                + " character 3");
    assertThat(report.records()).isEqualTo(1);
  }

  @Test
  void aLoneSurrogateAnywhereInMetaIsRefusedWithItsPath() throws IOException {
    String pairs =
        String.join(
            "\n",
            pairWithMeta("m1", "{\"domain\":\"\\ud800x\"}"),
            pairWithMeta("m2", "{\"domain\":\"\\udc00x\"}"),
            pairWithMeta("m3", "{\"\\ud800k\":1}"),
            pairWithMeta("m4", "{\"a\":{\"tags\":[\"ok\",\"\\udfffy\"]}}"),
            pairWithMeta("m5", "{\"domain\":\"\\ud83d\\ude00\"}"));
    Path file = write("meta-surrogates.jsonl", pairs + "\n");
    ValidationReport report = validator.validate(file);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ":1: meta.domain: expected Unicode text, found an unpaired surrogate \\ud800 at"
                + " character 1",
            file
                + ":2: meta.domain: expected Unicode text, found an unpaired surrogate \\udc00 at"
                + " character 1",
            file
                + ":3: meta.\\ud800k: expected a key in Unicode text, found an unpaired surrogate"
                + " \\ud800 at character 1",
            file
                + ":4: meta.a.tags[1]: expected Unicode text, found an unpaired surrogate \\udfff"
                + " at character 1");
    assertThat(report.records()).isEqualTo(1);
  }

  private static String pairWithMeta(String id, String meta) {
    String pair = PAIR_2.replace("\"p2\"", "\"" + id + "\"");
    return pair.substring(0, pair.length() - 1) + ",\"meta\":" + meta + "}";
  }

  @Test
  void aDirectoryIsOneProblemNotAnError() throws IOException {
    ValidationReport report = validator.validate(dir);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(dir + ": expected a file, got a directory");
    assertThat(DatasetValidator.notAFile(dir.resolve("nope"))).contains("no such file");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
