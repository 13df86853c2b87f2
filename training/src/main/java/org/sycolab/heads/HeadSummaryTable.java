package org.sycolab.heads;

import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Trained heads side by side, one row per head, read from their {@code head.json} cards. */
public final class HeadSummaryTable {

  private HeadSummaryTable() {}

  /**
   * Name, label, seed, architecture, split sizes, epochs run, kept epoch, train/dev/test accuracy
   * of the kept weights (test empty when there were no test pairs). No timings: the table is a
   * result, the same bytes on every rerun with the same data, settings and seeds; each epoch's
   * seconds stay in the head's {@code head.json}.
   *
   * @param cards head name → card, in the order the rows should take
   */
  public static Table summary(Map<String, HeadCard> cards) {
    StringColumn head = StringColumn.create("head");
    StringColumn label = StringColumn.create("label");
    LongColumn seed = LongColumn.create("seed");
    StringColumn architecture = StringColumn.create("architecture");
    IntColumn trainPairs = IntColumn.create("train_pairs");
    IntColumn devPairs = IntColumn.create("dev_pairs");
    IntColumn testPairs = IntColumn.create("test_pairs");
    IntColumn epochs = IntColumn.create("epochs");
    IntColumn bestEpoch = IntColumn.create("best_epoch");
    DoubleColumn trainAccuracy = DoubleColumn.create("train_accuracy");
    DoubleColumn devAccuracy = DoubleColumn.create("dev_accuracy");
    DoubleColumn testAccuracy = DoubleColumn.create("test_accuracy");
    cards.forEach(
        (name, card) -> {
          head.append(name);
          label.append(card.label());
          seed.append(card.training().seed());
          architecture.append(card.architecture().kind().id());
          trainPairs.append(card.data().trainPairs());
          devPairs.append(card.data().devPairs());
          testPairs.append(card.data().testPairs());
          epochs.append(card.history().size() - 1);
          bestEpoch.append(card.bestEpoch());
          trainAccuracy.append(metric(card, "train_accuracy"));
          devAccuracy.append(metric(card, "dev_accuracy"));
          testAccuracy.append(metric(card, "test_accuracy"));
        });
    return Table.create(
        "heads",
        head,
        label,
        seed,
        architecture,
        trainPairs,
        devPairs,
        testPairs,
        epochs,
        bestEpoch,
        trainAccuracy,
        devAccuracy,
        testAccuracy);
  }

  private static double metric(HeadCard card, String name) {
    Double value = card.metrics().get(name);
    // NaN is Tablesaw's missing double: an empty cell in the CSV.
    return value == null ? Double.NaN : Math.round(value * 10_000) / 10_000.0;
  }
}
