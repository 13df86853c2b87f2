package org.sycolab.report;

import static tech.tablesaw.aggregate.AggregateFunctions.count;

import java.util.List;
import java.util.function.Consumer;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Dataset summaries as Tablesaw tables: one row per record with its grouping keys and text lengths
 * (collected while a file streams past), then counts by group and length percentiles taken from
 * that table.
 */
public final class DatasetTables {

  private DatasetTables() {}

  /**
   * Collects one row per record: for pairs family, domain, label, split and lengths; for pools
   * family, domain, premise, split, candidate count and mean candidate length. Rows hold only short
   * keys and numbers, never the texts.
   */
  public static final class Rows implements Consumer<DatasetRecord> {
    private final StringColumn family = StringColumn.create("family");
    private final StringColumn domain = StringColumn.create("domain");
    private final StringColumn group = StringColumn.create("label");
    private final StringColumn split = StringColumn.create("split");
    private final IntColumn prompt = IntColumn.create("prompt_chars");
    private final IntColumn first = IntColumn.create("chosen_chars");
    private final IntColumn second = IntColumn.create("rejected_chars");
    private boolean pools;

    @Override
    public void accept(DatasetRecord record) {
      if (record instanceof PreferencePair pair) {
        family.append(pair.metaString("family").orElse("-"));
        domain.append(pair.metaString("domain").orElse("-"));
        group.append(pair.label().jsonName());
        split.append(pair.metaString("split").orElse("-"));
        prompt.append(promptChars(pair.prompt()));
        first.append(pair.chosen().length());
        second.append(pair.rejected().length());
      } else {
        CandidatePool pool = (CandidatePool) record;
        pools = true;
        family.append(pool.family());
        domain.append(pool.domain());
        group.append(pool.premise().jsonName());
        split.append(String.valueOf(pool.meta().getOrDefault("split", "-")));
        prompt.append(promptChars(pool.prompt()));
        first.append(pool.candidates().size());
        second.append(
            (int)
                Math.round(
                    pool.candidates().stream()
                        .mapToInt(c -> c.text().length())
                        .average()
                        .orElse(0)));
      }
    }

    /** The rows collected so far; column names follow the record kind. */
    public Table table() {
      if (pools) {
        group.setName("premise");
        first.setName("candidates");
        second.setName("candidate_chars");
      }
      return Table.create(
          pools ? "pools" : "pairs", family, domain, group, split, prompt, first, second);
    }
  }

  /** Record counts grouped by the given columns, sorted by them. */
  public static Table counts(Table rows, String... groups) {
    Table counts = rows.summarize(rows.column(0).name(), count).by(groups);
    counts.column(counts.columnCount() - 1).setName("records");
    return counts.sortAscendingOn(groups).setName("records by " + String.join(" × ", groups));
  }

  /** One row per numeric column: min, median, 90th and 99th percentile and max, rounded. */
  public static Table lengths(Table rows, List<String> numericColumns) {
    StringColumn name = StringColumn.create("column");
    IntColumn min = IntColumn.create("min");
    IntColumn median = IntColumn.create("median");
    IntColumn p90 = IntColumn.create("p90");
    IntColumn p99 = IntColumn.create("p99");
    IntColumn max = IntColumn.create("max");
    for (String column : numericColumns) {
      NumericColumn<?> values = rows.numberColumn(column);
      name.append(column);
      min.append((int) Math.round(values.min()));
      median.append((int) Math.round(values.median()));
      p90.append((int) Math.round(values.percentile(90)));
      p99.append((int) Math.round(values.percentile(99)));
      max.append((int) Math.round(values.max()));
    }
    return Table.create("lengths", name, min, median, p90, p99, max);
  }

  private static int promptChars(List<Turn> prompt) {
    return prompt.stream().mapToInt(t -> t.content().length()).sum();
  }
}
