package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.Datasets;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.Label;
import org.sycolab.data.formats.Format;
import org.sycolab.run.RunLayout;

class ImportStageTest {

  @TempDir Path tmp;

  private final StageContext context = StageContext.standalone(Device.cpu(), StageConsole.SILENT);

  @Test
  void writesThePairsItReturnsLabelledAsAsked() throws Exception {
    Path in =
        write(
            "trl.jsonl",
            "{\"prompt\": \"Is the sky green?\", \"chosen\": \"No.\", \"rejected\": \"Yes.\"}\n"
                + "{\"prompt\": \"2+2?\", \"chosen\": \"4\", \"rejected\": \"5\"}\n");
    ImportOutcome outcome =
        new ImportStage(context)
            .run(new ImportConfig(Format.TRL, Label.GROUNDED, List.of(in), tmp.resolve("out")));

    assertThat(outcome.imported().pairs()).hasSize(2).allMatch(p -> p.label() == Label.GROUNDED);
    assertThat(Datasets.readPairs(outcome.directory().resolve(RunLayout.PAIRS_FILE), "pairs"))
        .isEqualTo(outcome.imported().pairs());
    assertThat(outcome.directory().resolve(RunLayout.POOLS_FILE)).doesNotExist();
    assertThat(outcome.removed()).isEmpty();
  }

  @Test
  void aLabelIsRequiredExactlyWhereTheFormatHasNone() {
    assertThatThrownBy(() -> new ImportConfig(Format.TRL, null, List.of(), null))
        .hasMessage("--format trl needs --label agreeable|grounded: its data carries no label");
    assertThatThrownBy(() -> new ImportConfig(Format.TRUTHFULQA, Label.AGREEABLE, List.of(), null))
        .hasMessageContaining("--label applies only to --format trl");
  }

  @Test
  void aBadInputWritesNothing() throws Exception {
    Path in = write("bad.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\"}\n");
    Path out = tmp.resolve("out");
    assertThatThrownBy(
            () ->
                new ImportStage(context)
                    .run(new ImportConfig(Format.TRL, Label.AGREEABLE, List.of(in), out)))
        .isInstanceOf(InvalidDatasetException.class);
    assertThat(out).doesNotExist();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }
}
