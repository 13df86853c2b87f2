package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.Datasets;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;

class GenerateStageTest {

  @TempDir Path tmp;

  @Test
  void writesWhatItReturnsAndTheSameSeedGivesTheSameFiles() throws Exception {
    RecordingConsole console = new RecordingConsole();
    StageContext context = StageContext.standalone(Device.cpu(), console);
    GenerateOutcome first =
        new GenerateStage(context)
            .run(new GenerateConfig(GeneratorConfig.of(7, 40), tmp.resolve("a")));
    GenerateOutcome second =
        new GenerateStage(context)
            .run(new GenerateConfig(GeneratorConfig.of(7, 40), tmp.resolve("b")));

    Path pairs = first.directory().resolve(RunLayout.PAIRS_FILE);
    assertThat(Datasets.readPairs(pairs, "pairs")).isEqualTo(first.data().pairs());
    assertThat(first.data().pairs()).hasSize(40);
    assertThat(first.data().pools()).hasSize(20);
    for (String name :
        new String[] {RunLayout.PAIRS_FILE, RunLayout.POOLS_FILE, GenerateStage.CARD_FILE}) {
      assertThat(Files.readAllBytes(second.directory().resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(first.directory().resolve(name)));
    }
    RunManifest manifest = RunManifest.read(first.directory().resolve(RunManifest.FILE_NAME));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.command()).isEqualTo("generate");
    assertThat(manifest.seeds()).containsEntry("generator", 7L);
    assertThat(console.progress).hasSize(2).allMatch(line -> line.startsWith("generate probes 20"));
  }
}
