package org.sycolab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptionsTest {

  @TempDir Path tmp;

  private static final RunSpec SPEC =
      new RunSpec("run", List.of("run"), Map.of(), Map.of(), Map.of(), "cpu", null);

  @Test
  void aSignalMarksEveryWatchedRunInProgressWithOneLineEach() throws IOException {
    Execution inProgress =
        Execution.start(RunDirectory.at(tmp.resolve("a")), SPEC, Clock.systemUTC());
    Execution finished =
        Execution.start(RunDirectory.at(tmp.resolve("b")), SPEC, Clock.systemUTC());
    Execution forgotten =
        Execution.start(RunDirectory.at(tmp.resolve("c")), SPEC, Clock.systemUTC());
    StringWriter err = new StringWriter();
    PrintWriter writer = new PrintWriter(err, true);
    Interruptions.watch(inProgress, "run", "resume with: sycolab run --resume a", writer);
    Interruptions.watch(finished, "train", null, writer);
    Interruptions.watch(forgotten, "pull", null, writer);
    finished.complete();
    Interruptions.forget(forgotten);

    Interruptions.markAll();

    assertThat(err.toString())
        .isEqualTo(
            "sycolab run: interrupted; "
                + tmp.resolve("a/manifest.json")
                + " says so; resume with: sycolab run --resume a"
                + System.lineSeparator());
    assertThat(RunManifest.read(tmp.resolve("a/manifest.json")).status())
        .isEqualTo(RunManifest.Status.INTERRUPTED);
    assertThat(RunManifest.read(tmp.resolve("b/manifest.json")).status())
        .isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(RunManifest.read(tmp.resolve("c/manifest.json")).status())
        .isEqualTo(RunManifest.Status.RUNNING);
  }
}
