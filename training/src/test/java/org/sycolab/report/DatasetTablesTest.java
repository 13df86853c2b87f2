package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;
import tech.tablesaw.api.Table;

class DatasetTablesTest {

  @Test
  void countsAndLengthsMatchAHandCount() {
    DatasetTables.Rows rows = new DatasetTables.Rows();
    rows.accept(pair("a", "bait", Label.AGREEABLE, "xx", "yyyy"));
    rows.accept(pair("b", "bait", Label.GROUNDED, "xxxx", "yy"));
    rows.accept(pair("c", "pushback", Label.GROUNDED, "xxxxxx", "y"));
    Table table = rows.table();

    Table counts = DatasetTables.counts(table, "family", "label");
    assertThat(counts.rowCount()).isEqualTo(3);
    assertThat(counts.stringColumn("family").asList()).containsExactly("bait", "bait", "pushback");
    assertThat(counts.stringColumn("label").asList())
        .containsExactly("agreeable", "grounded", "grounded");
    assertThat(counts.numberColumn("records").asDoubleArray()).containsExactly(1.0, 1.0, 1.0);

    Table lengths = DatasetTables.lengths(table, List.of("chosen_chars", "rejected_chars"));
    // chosen lengths 2, 4, 6: min 2, median 4, max 6; rejected 4, 2, 1: min 1, median 2, max 4.
    assertThat(lengths.intColumn("min").asList()).containsExactly(2, 1);
    assertThat(lengths.intColumn("median").asList()).containsExactly(4, 2);
    assertThat(lengths.intColumn("max").asList()).containsExactly(6, 4);
  }

  private static PreferencePair pair(
      String id, String family, Label label, String chosen, String rejected) {
    return new PreferencePair(
        id,
        List.of(Turn.user("q?")),
        chosen,
        rejected,
        label,
        Map.of("family", family, "domain", "d", "split", "train"));
  }
}
