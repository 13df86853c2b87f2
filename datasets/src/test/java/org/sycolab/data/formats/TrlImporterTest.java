package org.sycolab.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;

class TrlImporterTest {

  @TempDir Path tmp;
  private ImportFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ImportFixture(tmp);
  }

  @Test
  void explicitPromptsAsStringsOrMessagesImportWithTheGivenLabel() throws Exception {
    Path file =
        fixture.file(
            "dpo.jsonl",
            """
            {"id":"q-1","prompt":"Is the sky green?","chosen":"No, it is blue.","rejected":"Yes.","score":0.5,"rank":3,"ok":true,"tags":["x"]}

            {"prompt":[{"role":"system","content":"Be brief."},{"role":"user","content":"Capital of Brazil?"}],"chosen":[{"role":"assistant","content":"Bras\\u00edlia"}],"rejected":[{"role":"assistant","content":"S\\u00c4\\u0083o Paulo"}]}""");

    Imported imported = fixture.read(Format.TRL, Optional.of(Label.GROUNDED), file);

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("source", "dpo.jsonl");
    meta.put("score", 0.5);
    meta.put("rank", 3);
    meta.put("ok", true);
    assertThat(imported.pairs())
        .containsExactly(
            new PreferencePair(
                "q-1",
                List.of(Turn.user("Is the sky green?")),
                "No, it is blue.",
                "Yes.",
                Label.GROUNDED,
                meta),
            new PreferencePair(
                "dpo-3",
                List.of(Turn.system("Be brief."), Turn.user("Capital of Brazil?")),
                "Brasília",
                "SÄ\u0083o Paulo",
                Label.GROUNDED,
                Map.of("source", "dpo.jsonl")));
    assertThat(imported.pools()).isEmpty();
    fixture.assertRoundTrips(imported);
  }

  @Test
  void implicitPromptIsTheSharedPrefixAndTheResponsesTheLastAssistantMessages() throws Exception {
    Path file =
        fixture.file(
            "implicit.jsonl",
            """
            {"chosen":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"5"},{"role":"user","content":"Sure?"},{"role":"assistant","content":"Sorry, it is 4."}],"rejected":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"5"},{"role":"user","content":"Sure?"},{"role":"assistant","content":"Yes, 5."}]}
            """);

    Imported imported = fixture.read(Format.TRL, Optional.of(Label.AGREEABLE), file);

    PreferencePair pair = imported.pairs().get(0);
    assertThat(pair.id()).isEqualTo("implicit-1");
    assertThat(pair.prompt())
        .containsExactly(Turn.user("2+2?"), Turn.assistant("5"), Turn.user("Sure?"));
    assertThat(pair.chosen()).isEqualTo("Sorry, it is 4.");
    assertThat(pair.rejected()).isEqualTo("Yes, 5.");
    assertThat(pair.label()).isEqualTo(Label.AGREEABLE);
    fixture.assertRoundTrips(imported);
  }

  @Test
  void malformedRecordsAreAllReportedWithTheirLines() throws Exception {
    Path file =
        fixture.file(
            "bad.jsonl",
            """
            {"prompt":"ok","chosen":"a","rejected":"b"}
            {"prompt":"cut off","chosen":"a","rej
            {"prompt":"no rejected","chosen":"a"}
            {"prompt":"two","chosen":[{"role":"user","content":"x"},{"role":"assistant","content":"a"}],"rejected":"b"}
            {"chosen":[{"role":"user","content":"p"},{"role":"assistant","content":"a"}],"rejected":[{"role":"user","content":"q"},{"role":"assistant","content":"b"}]}
            {"chosen":"a","rejected":"b"}
            {"prompt":"same","chosen":"a","rejected":"a"}
            {"id":"bad-1","prompt":[{"role":"robot","content":""}],"chosen":"a","rejected":"b"}
            """);

    assertThat(fixture.problems(Format.TRL, Optional.of(Label.GROUNDED), file))
        .containsExactly(
            file + ":2: expected valid JSON, Unexpected end-of-input in field name (column 38)",
            file + ":3: rejected: missing (expected a non-empty string)",
            file
                + ":4: chosen: expected one assistant message (the conversation before it belongs"
                + " in prompt), got 2 messages",
            file
                + ":5: chosen: expected chosen and rejected to share their first turns (the"
                + " implicit prompt), they share none",
            file
                + ":6: prompt: missing (expected a prompt, or chosen and rejected as conversations"
                + " that share one)",
            file
                + ":7: chosen: as imported, expected a response different from rejected, got the"
                + " same text",
            file + ":8: prompt[0].role: expected one of [system, user, assistant], got \"robot\"",
            file + ":8: prompt[0].content: expected a non-empty string");
  }

  @Test
  void anIdRepeatedInAnotherFileIsReportedWhereItRepeats() throws Exception {
    Path a =
        fixture.file(
            "a.jsonl", "{\"id\":\"x\",\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n");
    Path b =
        fixture.file(
            "b.jsonl", "\n{\"id\":\"x\",\"prompt\":\"q\",\"chosen\":\"a\",\"rejected\":\"b\"}\n");

    assertThat(fixture.problems(Format.TRL, Optional.of(Label.GROUNDED), a, b))
        .containsExactly(b + ":2: id: expected a unique id, 'x' was already made from " + a + ":1");
  }

  @Test
  void trlNeedsALabelAndOtherFormatsRefuseOne() {
    assertThatThrownBy(() -> Format.TRL.importer(Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a label");
    assertThatThrownBy(() -> Format.TRUTHFULQA.importer(Optional.of(Label.GROUNDED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("applies only to trl");
  }
}
