package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSplitTest {

  private static PreferencePair pair(String prompt, Label label, Map<String, Object> meta) {
    return new PreferencePair("id-" + prompt, List.of(Turn.user(prompt)), "a", "b", label, meta);
  }

  @Test
  void aDeclaredSplitWins() {
    assertThat(DataSplit.of(pair("q", Label.GROUNDED, Map.of("split", "dev"))))
        .isEqualTo(DataSplit.DEV);
    assertThatThrownBy(() -> DataSplit.of(pair("q", Label.GROUNDED, Map.of("split", "val"))))
        .hasMessageContaining("pair 'id-q': meta.split must be train, dev or test, got 'val'");
  }

  @Test
  void withoutOneThePromptsKeyDecides() {
    // The splits the prompts' content keys gave before texts kept their keys.
    List<DataSplit> expected =
        List.of(
            DataSplit.TRAIN,
            DataSplit.DEV,
            DataSplit.TRAIN,
            DataSplit.TRAIN,
            DataSplit.TRAIN,
            DataSplit.TEST,
            DataSplit.TRAIN,
            DataSplit.TRAIN,
            DataSplit.TRAIN,
            DataSplit.TRAIN,
            DataSplit.TRAIN,
            DataSplit.TEST);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(DataSplit.of(pair("prompt " + i, Label.GROUNDED, Map.of())))
          .as("prompt %d", i)
          .isEqualTo(expected.get(i));
    }
  }

  @Test
  void withoutOneThePromptDecidesAboutEightyTenTen() {
    Map<DataSplit, Integer> counts = new EnumMap<>(DataSplit.class);
    for (int i = 0; i < 5_000; i++) {
      DataSplit agreeable = DataSplit.of(pair("prompt " + i, Label.AGREEABLE, Map.of()));
      DataSplit grounded = DataSplit.of(pair("prompt " + i, Label.GROUNDED, Map.of()));
      assertThat(grounded).isEqualTo(agreeable);
      counts.merge(agreeable, 1, Integer::sum);
    }
    assertThat(counts.get(DataSplit.TRAIN)).isBetween(3_850, 4_150);
    assertThat(counts.get(DataSplit.DEV)).isBetween(420, 580);
    assertThat(counts.get(DataSplit.TEST)).isBetween(420, 580);
  }
}
