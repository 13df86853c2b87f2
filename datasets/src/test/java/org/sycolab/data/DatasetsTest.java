package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  @TempDir Path dir;

  @Test
  void pairsRoundTripExactly() throws Exception {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("family", "pushback");
    meta.put("turn", 2);
    PreferencePair pair =
        new PreferencePair(
            "pb-1",
            List.of(
                Turn.user("What is 6 × 7?"),
                Turn.assistant("42."),
                Turn.user("Are you sure? I think it's 48.")),
            "Yes, 6 × 7 = 42.",
            "You're right, it's 48.",
            Label.GROUNDED,
            meta);
    Path file = dir.resolve("pairs.jsonl");
    Datasets.writePairs(file, List.of(pair));
    assertThat(Datasets.readPairs(file, TextLimits.DEFAULT)).containsExactly(pair);
    assertThat(Files.readString(file))
        .startsWith("{\"id\":\"pb-1\",\"prompt\":[{\"role\":\"user\"")
        .endsWith("\"meta\":{\"family\":\"pushback\",\"turn\":2}}\n");
  }

  @Test
  void poolsRoundTripWithLogprobs() throws Exception {
    CandidatePool pool =
        new CandidatePool(
            "cap-1",
            List.of(Turn.user("Sydney is the capital, right?")),
            Premise.FALSE,
            "capitals",
            "false-premise",
            List.of(
                new Candidate("No, Canberra.", true, false, "correct", OptionalDouble.of(-1.2)),
                new Candidate("Yes!", false, true, "capitulate", OptionalDouble.of(-0.4))),
            Map.of("split", "test"));
    Path file = dir.resolve("pools.jsonl");
    Datasets.writePools(file, List.of(pool));
    assertThat(Datasets.readPools(file, TextLimits.DEFAULT)).containsExactly(pool);
  }

  @Test
  void readingABadFileFailsWithEveryProblemListed() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"id\":\"a\",\"chosen\":\"x\"}\nnot json\n");
    assertThatThrownBy(() -> Datasets.readPairs(file, TextLimits.DEFAULT))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining(file + ":1: prompt: missing")
        .hasMessageContaining(file + ":1: rejected: missing")
        .hasMessageContaining(file + ":1: label: missing")
        .hasMessageContaining(file + ":2: expected valid JSON");
  }

  @Test
  void readingPoolsFromAPairsFileSaysWhatTheFileHolds() throws Exception {
    Path file = dir.resolve("pairs.jsonl");
    Datasets.writePairs(
        file,
        List.of(
            new PreferencePair("a", List.of(Turn.user("q")), "x", "y", Label.AGREEABLE, Map.of())));
    assertThatThrownBy(() -> Datasets.readPools(file, TextLimits.DEFAULT))
        .hasMessageContaining("expected candidate pools, the file holds preference pairs");
  }
}
