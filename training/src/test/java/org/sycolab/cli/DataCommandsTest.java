package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.io.FileDigest;
import org.sycolab.run.RunManifest;

class DataCommandsTest {

  @TempDir Path tmp;

  @Test
  void generateWritesValidatedFilesCardAndManifest() throws IOException {
    Path out = tmp.resolve("gen");
    CliRun r = CliRun.of("generate", "--seed", "3", "--pairs", "300", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 300 pairs (150 agreeable, 150 grounded) and 150 pools");
    assertThat(out.resolve("README.md")).content().contains("| **total** |");
    RunManifest manifest = RunManifest.read(out.resolve("manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.seeds()).containsEntry("generator", 3L);
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .containsExactly("pairs.jsonl", "pools.jsonl", "README.md");
    assertThat(manifest.outputs().get(0).sha256())
        .isEqualTo(FileDigest.sha256(out.resolve("pairs.jsonl")));

    CliRun validate =
        CliRun.of(
            "validate",
            out.resolve("pairs.jsonl").toString(),
            out.resolve("pools.jsonl").toString());
    assertThat(validate.status()).isZero();
    assertThat(validate.out())
        .contains("pairs.jsonl: 300 preference pairs (150 agreeable, 150 grounded), no problems");
  }

  @Test
  void sameSeedGivesIdenticalFiles() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    CliRun.of("generate", "--seed", "5", "--pairs", "200", "--out", a.toString());
    CliRun.of("generate", "--seed", "5", "--pairs", "200", "--out", b.toString());
    for (String name : List.of("pairs.jsonl", "pools.jsonl", "README.md")) {
      assertThat(FileDigest.sha256(a.resolve(name))).isEqualTo(FileDigest.sha256(b.resolve(name)));
    }
  }

  @Test
  void corruptedCopyIsRejectedWithExactLinesAndNothingIsWrittenFromIt() throws IOException {
    Path out = tmp.resolve("gen");
    CliRun.of("generate", "--pairs", "40", "--out", out.toString());
    List<String> lines = Files.readAllLines(out.resolve("pairs.jsonl"));
    lines.set(2, lines.get(2).substring(0, lines.get(2).length() / 2));
    lines.set(5, lines.get(5).replace("\"label\":\"grounded\"", "\"label\":\"approving\""));
    lines.set(9, lines.get(8));
    lines.set(13, lines.get(13).replaceFirst("\"rejected\":\"[^\"]*\",", ""));
    Path bad = Files.write(tmp.resolve("bad.jsonl"), lines);

    CliRun r = CliRun.of("validate", bad.toString());
    assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(r.out())
        .contains(bad + ":3: expected valid JSON")
        .contains(bad + ":6: label: expected agreeable or grounded, got 'approving'")
        .contains(bad + ":10: id: expected a unique id")
        .contains(bad + ":14: rejected: missing (expected a non-empty string)")
        .contains("4 problems");

    CliRun stats = CliRun.of("stats", bad.toString());
    assertThat(stats.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(stats.err()).contains(bad + ":3: expected valid JSON");

    // Our pairs are TRL-compatible; importing the corrupted copy must leave no directory behind.
    Path importOut = tmp.resolve("imported");
    CliRun imported =
        CliRun.of(
            "import",
            "--format",
            "trl",
            "--label",
            "grounded",
            bad.toString(),
            "--out",
            importOut.toString());
    assertThat(imported.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(imported.err()).contains("bad.jsonl:3").contains("nothing was written");
    assertThat(importOut).doesNotExist();
  }

  @Test
  void anOutDirectoryKeepsTheUsersFilesAndReplacesOnlyWhatSycolabWrote() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("mine"));
    Path notes = Files.createDirectories(out.resolve(".notes.tmp-2024"));
    Files.writeString(notes.resolve("f"), "x");
    Path readme = Files.writeString(out.resolve("README.md"), "my readme");

    CliRun refused = CliRun.of("generate", "--pairs", "40", "--out", out.toString());
    assertThat(refused.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(refused.err()).contains(readme + ": already there and not written by sycolab");
    assertThat(readme).hasContent("my readme");
    assertThat(notes.resolve("f")).hasContent("x");

    Files.delete(readme);
    CliRun generated = CliRun.of("generate", "--pairs", "40", "--out", out.toString());
    assertThat(generated.status()).as(generated.err()).isZero();
    CliRun again = CliRun.of("generate", "--pairs", "40", "--seed", "2", "--out", out.toString());
    assertThat(again.status()).as(again.err()).isZero();

    // An import that writes no pools removes the pools an earlier run wrote, and only those.
    Path trl = out.resolve("pairs.jsonl");
    Path imported = Files.createDirectories(tmp.resolve("imported"));
    Files.writeString(imported.resolve("pools.jsonl"), "{\"mine\":1}\n");
    CliRun keeps =
        CliRun.of(
            "import",
            "--format",
            "trl",
            "--label",
            "grounded",
            trl.toString(),
            "--out",
            imported.toString());
    assertThat(keeps.status()).as(keeps.err()).isZero();
    assertThat(imported.resolve("pools.jsonl")).hasContent("{\"mine\":1}");
    assertThat(keeps.err()).doesNotContain("removed");
    CliRun removes =
        CliRun.of(
            "import",
            "--format",
            "trl",
            "--label",
            "grounded",
            trl.toString(),
            "--out",
            out.toString());
    assertThat(removes.status()).as(removes.err()).isZero();
    assertThat(removes.err()).contains("removed pools.jsonl left in " + out);
    assertThat(out.resolve("pools.jsonl")).doesNotExist();
    assertThat(notes.resolve("f")).hasContent("x");
  }

  @Test
  void statsPrintsCountsAndLengths() throws IOException {
    Path out = tmp.resolve("gen");
    CliRun.of("generate", "--pairs", "120", "--out", out.toString());
    CliRun r = CliRun.of("stats", out.resolve("pairs.jsonl").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("records by family × domain × label × split", "chosen_chars", "p99");
    CliRun pools = CliRun.of("stats", out.resolve("pools.jsonl").toString());
    assertThat(pools.out()).contains("records by family × domain × premise × split");
  }

  @Test
  void unknownFamilyIsAUsageError() {
    CliRun r =
        CliRun.of("generate", "--families", "flattery", "--out", tmp.resolve("x").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("unknown family 'flattery'", "false-premise");
  }

  @Test
  void tooManyPairsIsAUsageErrorNotACrash() {
    CliRun r = CliRun.of("generate", "--pairs", "2000000000", "--out", tmp.resolve("x").toString());
    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("at most 1000000").doesNotContain("OutOfMemory");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void directoryIsNotAFileToValidate() {
    CliRun r = CliRun.of("validate", tmp.toString());
    assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(r.out()).contains(tmp + ": expected a file, got a directory");
  }

  @Test
  void missingFileFailsValidation() {
    CliRun r = CliRun.of("validate", tmp.resolve("nope.jsonl").toString());
    assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(r.out()).contains("nope.jsonl: no such file");
  }

  @Test
  void aDirectoryGivenAsAFileIsTheSameOneLineAndStatusInEveryDataCommand() {
    String said = tmp + ": expected a file, got a directory";
    Path out = tmp.resolve("out");
    List<CliRun> runs =
        List.of(
            CliRun.of("validate", tmp.toString()),
            CliRun.of("stats", tmp.toString()),
            CliRun.of("embed", "--in", tmp.toString(), "--out", out.toString()),
            CliRun.of("import", "--format", "truthfulqa", tmp.toString(), "--out", out.toString()));
    for (CliRun r : runs) {
      assertThat(r.status()).as(r.out() + r.err()).isEqualTo(ExitCode.PROBLEMS);
      assertThat(r.out() + r.err()).contains(said).doesNotContain("Exception", "stack trace");
    }
    assertThat(out).doesNotExist();
  }

  @Test
  void jsonNestedAThousandDeepIsOneLocatedProblemAndValidateChecksOn() throws IOException {
    Path out = tmp.resolve("gen");
    CliRun.of("generate", "--pairs", "10", "--out", out.toString());
    List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("pairs.jsonl")));
    lines.set(0, "{\"id\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}");
    lines.set(3, lines.get(3).replace("\"label\":", "\"lable\":"));
    Path file = Files.write(tmp.resolve("deep.jsonl"), lines);
    String said = file + ":1: expected valid JSON, nesting deeper than 64 levels (column 70)";
    CliRun validate = CliRun.of("validate", file.toString());
    assertThat(validate.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(validate.out()).contains(said, file + ":4: lable: not a field");
    CliRun stats = CliRun.of("stats", file.toString());
    assertThat(stats.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(stats.err()).contains(said).doesNotContain("Cannot invoke", "Exception");
  }
}
