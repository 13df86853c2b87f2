package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HeadSummaryTableTest {

  private static HeadCard card(String label, long seed, Map<String, Double> metrics) {
    return new HeadCard(
        HeadCard.FORMAT,
        HeadCard.VERSION,
        label,
        HeadArchitecture.linear(4),
        new HeadCard.BackboneInfo("builtin:minilm", "bert", "ff", "mean", true, 256, "float32"),
        4,
        TrainingConfig.defaults(seed),
        new HeadCard.DataInfo("pairs.jsonl", "00", "meta", 70, 15, 15),
        List.of(
            new EpochMetrics(0, 0.7, 0.5, 0.7, 0.5, 0),
            new EpochMetrics(1, 0.6, 0.7, 0.65, 0.6, 0.25),
            new EpochMetrics(2, 0.5, 0.8, 0.66, 0.6, 0.5)),
        1,
        false,
        metrics,
        "2026-11-25T00:00:00Z",
        "test",
        null);
  }

  @Test
  void oneRowPerHeadFromItsCard() {
    Map<String, HeadCard> cards = new LinkedHashMap<>();
    cards.put(
        "agreeable-seed1",
        card(
            "agreeable",
            1,
            Map.of("train_accuracy", 0.7, "dev_accuracy", 0.6, "test_accuracy", 0.612345)));
    cards.put(
        "grounded-seed7", card("grounded", 7, Map.of("train_accuracy", 0.7, "dev_accuracy", 0.6)));

    Table table = HeadSummaryTable.summary(cards);
    StringWriter csv = new StringWriter();
    table.write().csv(csv);

    assertThat(csv.toString().lines().toList())
        .containsExactly(
            "head,label,seed,architecture,train_pairs,dev_pairs,test_pairs,epochs,best_epoch,"
                + "train_accuracy,dev_accuracy,test_accuracy",
            "agreeable-seed1,agreeable,1,linear,70,15,15,2,1,0.7,0.6,0.6123",
            "grounded-seed7,grounded,7,linear,70,15,15,2,1,0.7,0.6,");
  }
}
