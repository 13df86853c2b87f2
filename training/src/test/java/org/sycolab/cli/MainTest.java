package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.PyTorchRuntime;
import org.sycolab.run.RunManifest;
import picocli.CommandLine;

class MainTest {

  @TempDir Path tmp;

  @Test
  void helpListsTheCommandsAndExitStatuses() {
    CliRun r = CliRun.of("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: sycolab", "version", "doctor", "--device", "Exit status:");
  }

  @Test
  void everyCommandsHelpRendersWithoutAFormatWarning() {
    // picocli reports a description it cannot format (a lone %) on System.err, not the
    // command's own error stream.
    List<String[]> commands = new ArrayList<>();
    CommandLine root = new CommandLine(new SycolabCommand(BuildInfo.load(), List.of()));
    root.getSubcommands()
        .forEach(
            (name, sub) -> {
              commands.add(new String[] {name, "--help"});
              sub.getSubcommands()
                  .keySet()
                  .forEach(inner -> commands.add(new String[] {name, inner, "--help"}));
            });
    assertThat(commands).extracting(args -> args[0]).contains("pull", "train", "heads");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String[] args : commands) {
        CliRun r = CliRun.of(args);
        assertThat(r.status()).as(String.join(" ", args)).isZero();
        assertThat(r.out()).as(String.join(" ", args)).contains("Usage: sycolab");
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  @Test
  void noCommandPrintsUsage() {
    CliRun r = CliRun.of();
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: sycolab");
  }

  @Test
  void versionPrintsTheLoadedPyTorch() {
    CliRun r = CliRun.of("version", "--device", "cpu");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^sycolab  \\d+\\.\\d+\\.\\d+")
        .containsPattern("(?m)^DJL      0\\.36\\.0$")
        .containsPattern("(?m)^PyTorch  2\\.7\\.1 \\(")
        .containsPattern("(?m)^ONNX RT  1\\.22\\.0, runs encoders on the CPU \\(--engine auto\\)$")
        .containsPattern("(?m)^selected cpu \\(--device cpu\\)$");
  }

  @Test
  void anUnknownEngineIsAUsageErrorListingTheEngines() {
    CliRun r = CliRun.of("--engine", "onnx", "version");
    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("expected auto, pytorch or onnxruntime, got 'onnx'", "--help");
  }

  @Test
  void cudaWhereThereIsNoneExitsWithTwoAndSaysWhy() throws Exception {
    assumeTrue(
        PyTorchRuntime.cudaSupport(PyTorchRuntime.engine()).visibleGpus() == 0,
        "this machine has a GPU");
    for (String[] args :
        new String[][] {{"--device", "cuda", "version"}, {"version", "--device", "cuda:1"}}) {
      CliRun r = CliRun.of(args);
      assertThat(r.status()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err()).contains("no CUDA GPU is visible").doesNotContain("Exception");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void malformedDeviceIsAUsageError() {
    CliRun r = CliRun.of("--device", "gpu0", "version");
    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("expected auto, cpu, cuda or cuda:N", "--help");
  }

  @Test
  void misspelledCommandGetsASuggestion() {
    CliRun r = CliRun.of("docter");
    assertThat(r.status()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("sycolab doctor");
  }

  @Test
  void verboseAndQuietTogetherAreRefused() {
    assertThat(CliRun.of("-v", "-q", "version").status()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void doctorPassesHereAndWritesItsReportWithOut() throws Exception {
    Path out = tmp.resolve("doctor-run");
    CliRun r = CliRun.of("doctor", "--device", "cpu", "--out", out.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^ok  +pytorch +PyTorch 2\\.7\\.1")
        .containsPattern("(?m)^ok  +tokenizers")
        .containsPattern("(?m)^ok  +onnxruntime +ONNX Runtime 1\\.22\\.0 loads")
        .containsPattern("(?m)^ok  +default model +builtin:minilm")
        .doesNotContainPattern("(?m)^FAIL");
    RunManifest manifest = RunManifest.read(out.resolve(RunManifest.FILE_NAME));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.command()).isEqualTo("doctor");
    assertThat(manifest.device()).isEqualTo("cpu");
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .containsExactly("doctor.json");
    assertThat(out.resolve("doctor.json")).content().contains("\"status\" : \"OK\"");
  }

  @Test
  void doctorFailsTheCudaCheckWhenCudaIsAskedForAndAbsent() throws Exception {
    assumeTrue(
        PyTorchRuntime.cudaSupport(PyTorchRuntime.engine()).visibleGpus() == 0,
        "this machine has a GPU");
    CliRun r = CliRun.of("doctor", "--device", "cuda");
    assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(r.out()).containsPattern("(?m)^FAIL +cuda +--device cuda:0: no CUDA GPU");
    assertThat(r.out()).containsPattern("1 check\\(s\\) failed[.,]");
  }
}
