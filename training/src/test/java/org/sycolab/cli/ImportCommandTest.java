package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;
import org.sycolab.run.RunManifest;

class ImportCommandTest {

  private static final String HEADER =
      "Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source\n";

  @TempDir Path tmp;

  @Test
  void importWritesValidPairsAndPoolsWithAManifest() throws Exception {
    Path csv =
        write(
            "tqa.csv",
            HEADER
                + "Adversarial,Health,Do we use 10% of our brains?,No,No; We use all of it,Yes;"
                + " We use 10%,https://x.example");
    Path out = tmp.resolve("run");

    CliRun r =
        CliRun.of("import", "--format", "truthfulqa", csv.toString(), "--out", out.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("pairs.jsonl: 2 (1 agreeable, 1 grounded)")
        .contains("pools.jsonl: 1 (1 false-premise)");
    DatasetValidator validator = new DatasetValidator(TextLimits.DEFAULT);
    for (String name : new String[] {"pairs.jsonl", "pools.jsonl"}) {
      ValidationReport report = validator.validate(out.resolve(name));
      assertThat(report.problems()).as(name).isEmpty();
    }
    RunManifest manifest = RunManifest.read(out.resolve(RunManifest.FILE_NAME));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.command()).isEqualTo("import");
    assertThat(manifest.inputs())
        .extracting(RunManifest.FileEntry::path)
        .containsExactly(csv.toAbsolutePath().toString());
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .containsExactly("pairs.jsonl", "pools.jsonl");
  }

  @Test
  void badInputListsTwentyProblemsAndACountAndWritesNothing() throws Exception {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      jsonl.append("{\"prompt\": \"p\", \"chosen\": \"a\"}\n");
    }
    Path good = write("good.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}");
    Path bad = write("bad.jsonl", jsonl.toString());
    Path out = tmp.resolve("run");

    CliRun r =
        CliRun.of(
            "import",
            "--format",
            "trl",
            "--label",
            "grounded",
            good.toString(),
            bad.toString(),
            "--out",
            out.toString());

    assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(r.err())
        .contains("25 problems in 2 input files; nothing was written")
        .contains(bad + ":1: rejected: missing (expected a non-empty string)")
        .contains(bad + ":20: rejected: missing")
        .doesNotContain(bad + ":21:")
        .contains("... and 5 more");
    assertThat(out).doesNotExist();
  }

  @Test
  void trlWithoutALabelIsAUsageError() throws Exception {
    Path good = write("good.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}");

    CliRun r =
        CliRun.of(
            "import", "--format", "trl", good.toString(), "--out", tmp.resolve("x").toString());

    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--format trl needs --label agreeable|grounded");
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheFormats() {
    CliRun r = CliRun.of("import", "--format", "csv", "x.csv");

    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("expected one of trl, anthropic-mwe, sycophancy-eval, truthfulqa");
  }

  @Test
  void helpDescribesTheFormats() {
    CliRun r = CliRun.of("import", "--help");

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("Usage: sycolab import", "--format", "--label", "anthropic-mwe", "truthfulqa");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
  }
}
