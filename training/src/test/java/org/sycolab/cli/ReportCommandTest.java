package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.io.AtomicFiles;
import org.sycolab.report.TestRuns;

class ReportCommandTest {

  @TempDir Path tmp;

  @Test
  void writesBothReportsIntoTheRunDirectory() throws Exception {
    Path run = TestRuns.full(tmp.resolve("run"));
    CliRun r = CliRun.of("report", run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + run.resolve("report.html"));
    assertThat(run.resolve("report.html")).content().contains("<h2>Headline</h2>");
    assertThat(run.resolve("report.md")).content().contains("](plots/truth-vs-lambda.png)");
    assertThat(run.resolve("plots").resolve("menu.png")).isNotEmptyFile();
    try (var files = Files.list(run)) {
      assertThat(files)
          .noneMatch(file -> file.getFileName().toString().contains(AtomicFiles.TEMP_MARKER));
    }
  }

  @Test
  void helpNamesEverySectionsInputs() {
    CliRun r = CliRun.of("report", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out().replaceAll("\\s+", " "))
        .contains("the held-out domains")
        .contains("pull-heldout-<D>/")
        .contains("pull-mixture-<P>/");
  }

  @Test
  void missingPullCsvExitsWithOneNamingTheFile() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Files.delete(run.resolve("pull").resolve("pull.csv"));
    CliRun r = CliRun.of("report", run.toString());
    assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(r.err())
        .contains("sycolab report: error: " + run.resolve("pull").resolve("pull.csv"))
        .doesNotContain("Exception");
    assertThat(run.resolve("report.html")).doesNotExist();
  }

  @Test
  void aDirectoryWithoutPullIsRefused() {
    CliRun r = CliRun.of("report", tmp.toString());
    assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(r.err()).contains(tmp.resolve("pull") + ": no such directory");
  }
}
