package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sycolab.features.Shard;

class EmbedOutcomeTest {

  private static final String NL = System.lineSeparator();

  @Test
  void computedTextsAreCountedWithTheBackbonesRate() {
    EmbedOutcome outcome =
        new EmbedOutcome(
            Path.of("runs", "embed-1"),
            "builtin:minilm",
            10,
            Shard.parse("0/1"),
            384,
            4,
            0,
            6,
            2.0,
            3.24);

    assertThat(Printed.of(outcome))
        .isEqualTo(
            "embedded 10 distinct texts with builtin:minilm (dim 384): 4 from cache, 6 computed"
                + " (3 texts/s); 3.2 s in all; wrote "
                + Path.of("runs", "embed-1")
                + NL);
  }

  @Test
  void aShardFromTheCacheSaysItsSliceAndWhatWasMerged() {
    EmbedOutcome outcome =
        new EmbedOutcome(Path.of("shard"), "models/e5", 5, Shard.parse("1/2"), 8, 5, 3, 0, 0, 0.5);

    assertThat(Printed.of(outcome))
        .isEqualTo(
            "embedded 5 distinct texts of shard 1/2 with models/e5 (dim 8): 5 from cache"
                + " (3 merged), 0 computed; 0.5 s in all; wrote shard"
                + NL);
  }
}
