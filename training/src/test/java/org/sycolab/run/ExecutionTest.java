package org.sycolab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.io.FileDigest;

class ExecutionTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private static final RunSpec SPEC =
      new RunSpec(
          "generate",
          List.of("generate", "--seed", "7"),
          Map.of("pairs", 100, "families", List.of("false-premise", "pushback")),
          Map.of("generator", 7L),
          Map.of("sycolab", "0.1.0", "djl", "0.36.0", "pytorch", "2.7.1"),
          "cpu",
          new GitState("0123456789abcdef0123456789abcdef01234567", true));

  @TempDir Path root;

  @Test
  void startWritesARunningManifest() throws IOException {
    Execution run = Execution.start(RunDirectory.at(root.resolve("r")), SPEC, CLOCK);
    RunManifest written = RunManifest.read(root.resolve("r/manifest.json"));
    assertThat(written.status()).isEqualTo(RunManifest.Status.RUNNING);
    assertThat(written.finishedAt()).isNull();
    assertThat(written).isEqualTo(run.manifest());
    assertThat(written.commandLine()).containsExactly("generate", "--seed", "7");
    assertThat(written.seeds()).containsEntry("generator", 7L);
    assertThat(written.git().commit()).startsWith("0123");
    assertThat(written.git().dirty()).isTrue();
    assertThat(written.versions()).containsEntry("pytorch", "2.7.1");
    assertThat(written.config()).containsEntry("pairs", 100);
  }

  @Test
  void aFileOfTheUsersIsNeverReplacedButOneAnEarlierRunWroteIs() throws IOException {
    Path dir = Files.createDirectories(root.resolve("out"));
    Path mine = Files.writeString(dir.resolve("README.md"), "my notes");
    Execution first = Execution.start(RunDirectory.at(dir), SPEC, CLOCK);
    assertThatThrownBy(() -> first.writeOutput("README.md", out -> out.write('x')))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining(mine + ": already there and not written by sycolab");
    assertThat(mine).hasContent("my notes");
    first.writeOutput("pairs.jsonl", out -> out.write('1'));
    first.writeOutput("pairs.jsonl", out -> out.write('2'));
    first.complete();

    Execution second = Execution.start(RunDirectory.at(dir), SPEC, CLOCK);
    assertThat(second.wroteEarlier("pairs.jsonl")).isTrue();
    assertThat(second.wroteEarlier("README.md")).isFalse();
    second.writeOutput("pairs.jsonl", out -> out.write('3'));
    assertThat(dir.resolve("pairs.jsonl")).hasContent("3");
  }

  @Test
  void aManifestThatIsNotSycolabsIsNotReplaced() throws IOException {
    Path dir = Files.createDirectories(root.resolve("out"));
    Path theirs = Files.writeString(dir.resolve("manifest.json"), "{\"name\": \"my package\"}");
    assertThatThrownBy(() -> Execution.start(RunDirectory.at(dir), SPEC, CLOCK))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("not a manifest sycolab can read")
        .hasMessageContaining("move it away or choose another --out");
    assertThat(theirs).hasContent("{\"name\": \"my package\"}");
  }

  @Test
  void recordsInputAndOutputDigests() throws IOException {
    Path input = Files.writeString(root.resolve("pairs.jsonl"), "{\"id\":\"a\"}\n");
    Execution run = Execution.start(RunDirectory.at(root.resolve("r")), SPEC, CLOCK);
    run.recordInput(input);
    Path written = run.writeOutput("tables/counts.csv", out -> out.write("a,1\n".getBytes(UTF8)));
    run.complete();

    RunManifest manifest = RunManifest.read(root.resolve("r/manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.finishedAt()).isEqualTo("2026-11-25T12:00:00Z");
    assertThat(manifest.inputs())
        .containsExactly(new RunManifest.FileEntry(input.toString(), 11, FileDigest.sha256(input)));
    assertThat(manifest.outputs())
        .containsExactly(
            new RunManifest.FileEntry("tables/counts.csv", 4, FileDigest.sha256(written)));
  }

  @Test
  void failedOutputIsNeitherWrittenNorRecorded() throws IOException {
    Execution run = Execution.start(RunDirectory.at(root.resolve("r")), SPEC, CLOCK);
    run.writeOutput("kept.csv", out -> out.write('k'));
    IOException boom = new IOException("ran out of disk");
    assertThatThrownBy(
            () ->
                run.writeOutput(
                    "pull.csv",
                    out -> {
                      out.write("lambda,n".getBytes(UTF8));
                      throw boom;
                    }))
        .isSameAs(boom);
    run.fail(boom);

    assertThat(root.resolve("r/pull.csv")).doesNotExist();
    RunManifest manifest = RunManifest.read(root.resolve("r/manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.FAILED);
    assertThat(manifest.error()).isEqualTo("ran out of disk");
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .containsExactly("kept.csv");
  }

  @Test
  void theManifestIsTheRunsOwn() throws IOException {
    Execution run = Execution.start(RunDirectory.at(root.resolve("r")), SPEC, CLOCK);
    assertThatThrownBy(() -> run.writeOutput("manifest.json", out -> out.write('x')))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manifestJsonUsesSnakeCaseAndIsStable() throws IOException {
    Execution.start(RunDirectory.at(root.resolve("a")), SPEC, CLOCK);
    Execution.start(RunDirectory.at(root.resolve("b")), SPEC, CLOCK);
    String a = Files.readString(root.resolve("a/manifest.json"));
    assertThat(a).contains("\"schema_version\" : 1", "\"command_line\"", "\"started_at\"");
    assertThat(a).isEqualTo(Files.readString(root.resolve("b/manifest.json")));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void filesWrittenByOthersAreRecordedAndKeepAnEndedRunsStatus() throws IOException {
    Execution run = Execution.start(RunDirectory.at(root.resolve("r")), SPEC, CLOCK);
    Path stage = Files.createDirectories(root.resolve("r/heads"));
    Path file = Files.writeString(stage.resolve("manifest.json"), "{}\n");
    run.stop();
    assertThat(RunManifest.read(root.resolve("r/manifest.json")).status())
        .isEqualTo(RunManifest.Status.STOPPED);
    run.complete();
    run.recordOutput(file);
    RunManifest manifest = RunManifest.read(root.resolve("r/manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.outputs())
        .containsExactly(
            new RunManifest.FileEntry("heads/manifest.json", 3, FileDigest.sha256(file)));

    Path outside = Files.writeString(root.resolve("elsewhere.txt"), "x");
    assertThatThrownBy(() -> run.recordOutput(outside))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the run directory");
  }

  @Test
  void aDamagedManifestIsNamedInOneLineWithoutTheJsonLibrarysTerms() throws IOException {
    Path file = root.resolve("manifest.json");
    Map<String, String> cases =
        Map.of(
            "{\"schema_version\": 1, \"status\": ",
            ":1:",
            "{\"status\": \"half-done\"}",
            "status: unexpected value 'half-done'",
            "[1, 2]",
            "expected a JSON object of manifest fields",
            "",
            "empty",
            "{\"command_line\": 7}",
            "command_line: missing or of the wrong type",
            "{}",
            "expected a JSON object of manifest fields");
    for (var c : cases.entrySet()) {
      Files.writeString(file, c.getKey());
      assertThatThrownBy(() -> RunManifest.read(file))
          .as(c.getKey())
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith(file.toString())
          .hasMessageContaining("not a sycolab manifest")
          .hasMessageContaining(c.getValue())
          .hasMessageNotContaining("jackson")
          .hasMessageNotContaining("org.sycolab")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void aManifestOfAnotherSchemaVersionIsRefusedNamingIt() throws IOException {
    Execution run = Execution.start(RunDirectory.at(root.resolve("r")), SPEC, CLOCK);
    Path file = root.resolve("r/manifest.json");
    Files.writeString(
        file, run.manifest().toJson().replace("\"schema_version\" : 1", "\"schema_version\" : 99"));
    assertThatThrownBy(() -> RunManifest.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(
            file
                + ": schema_version: expected 1 (this sycolab's manifests), got 99 (written by a newer sycolab)");
  }

  @Test
  void anInterruptedRunSaysSoAndAnEndedOneIsLeftAsItEnded() throws IOException {
    Execution run =
        Execution.start(RunDirectory.at(root.resolve("a")), SPEC_FOR_INTERRUPT, Clock.systemUTC());
    assertThat(run.isRunning()).isTrue();
    assertThat(run.interrupt()).isTrue();
    RunManifest manifest = RunManifest.read(root.resolve("a/manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.INTERRUPTED);
    assertThat(manifest.toJson()).contains("\"status\" : \"interrupted\"");
    assertThat(manifest.finishedAt()).isNotNull();

    Execution done =
        Execution.start(RunDirectory.at(root.resolve("b")), SPEC_FOR_INTERRUPT, Clock.systemUTC());
    done.complete();
    assertThat(done.interrupt()).isFalse();
    assertThat(RunManifest.read(root.resolve("b/manifest.json")).status())
        .isEqualTo(RunManifest.Status.COMPLETE);
  }

  private static final RunSpec SPEC_FOR_INTERRUPT =
      new RunSpec("train", List.of("train"), Map.of(), Map.of(), Map.of(), "cpu", null);
}
