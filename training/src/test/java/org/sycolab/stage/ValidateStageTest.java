package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.TextLimits;

class ValidateStageTest {

  private static final String NL = System.lineSeparator();

  @TempDir Path tmp;

  private final RecordingConsole console = new RecordingConsole();

  private ValidateOutcome validate(Path... files) throws Exception {
    return new ValidateStage(StageContext.standalone(Device.cpu(), console))
        .run(new ValidateConfig(List.of(files), TextLimits.DEFAULT));
  }

  @Test
  void aCleanFileGivesItsSummaryAndSucceeds() throws Exception {
    StageData data = StageData.writeInto(tmp);

    ValidateOutcome outcome = validate(data.pairs, data.pools);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(Printed.of(outcome))
        .isEqualTo(
            data.pairs
                + ": 80 preference pairs (40 agreeable, 40 grounded), no problems"
                + NL
                + new DatasetValidator(TextLimits.DEFAULT).validate(data.pools).summary()
                + NL);
    assertThat(console.progress)
        .containsExactly(data.pairs + " records -1 80", data.pools + " records -1 40");
  }

  @Test
  void problemsArePrintedBeforeTheSummaryAndFail() throws Exception {
    StageData data = StageData.writeInto(tmp);
    List<String> lines = new ArrayList<>(Files.readAllLines(data.pairs));
    lines.set(1, "{\"prompt\": \"oops\"");
    lines.set(2, lines.get(2).replaceFirst("\"chosen\":\"[^\"]*\",", ""));
    Path file = Files.write(tmp.resolve("broken.jsonl"), lines);

    ValidateOutcome outcome = validate(file);

    assertThat(outcome.succeeded()).isFalse();
    String[] printed = Printed.of(outcome).split(NL);
    assertThat(printed).hasSize(3);
    assertThat(printed[0]).startsWith(file + ":2: expected valid JSON");
    assertThat(printed[1]).isEqualTo(file + ":3: chosen: missing (expected a non-empty string)");
    assertThat(printed[2])
        .isEqualTo(file + ": 78 preference pairs (39 agreeable, 39 grounded), 2 problems");
  }

  @Test
  void problemsBeyondThoseKeptAreCounted() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("bad.jsonl"), "x\n".repeat(DatasetValidator.MAX_KEPT_PROBLEMS + 2));

    String printed = Printed.of(validate(file));

    assertThat(printed.split(NL)).hasSize(DatasetValidator.MAX_KEPT_PROBLEMS + 2);
    assertThat(printed).contains(NL + file + ": ... and 2 more problems" + NL);
  }

  @Test
  void aMissingFileIsSaidSoAndFailsWhileTheOthersAreChecked() throws Exception {
    StageData data = StageData.writeInto(tmp);
    Path missing = tmp.resolve("missing.jsonl");

    ValidateOutcome outcome = validate(missing, data.pairs);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(Printed.of(outcome))
        .startsWith(missing + ": no such file" + NL + data.pairs + ": 80 preference pairs");
    assertThat(console.progress).containsExactly(data.pairs + " records -1 80");
  }
}
