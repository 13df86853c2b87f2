package org.sycolab.report;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.median;
import static tech.tablesaw.aggregate.AggregateFunctions.min;
import static tech.tablesaw.aggregate.AggregateFunctions.percentile90;
import static tech.tablesaw.aggregate.AggregateFunctions.percentile99;

import java.util.List;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Dataset summaries as Tablesaw tables: one row per record with its grouping keys and text lengths,
 * then counts by group and length percentiles taken from that table.
 */
public final class DatasetTables {

  private DatasetTables() {}

  /** One row per pair: family, domain, label, split and the lengths in characters. */
  public static Table pairRows(List<PreferencePair> pairs) {
    StringColumn family = StringColumn.create("family");
    StringColumn domain = StringColumn.create("domain");
    StringColumn label = StringColumn.create("label");
    StringColumn split = StringColumn.create("split");
    IntColumn prompt = IntColumn.create("prompt_chars");
    IntColumn chosen = IntColumn.create("chosen_chars");
    IntColumn rejected = IntColumn.create("rejected_chars");
    for (PreferencePair pair : pairs) {
      family.append(pair.metaString("family").orElse("-"));
      domain.append(pair.metaString("domain").orElse("-"));
      label.append(pair.label().jsonName());
      split.append(pair.metaString("split").orElse("-"));
      prompt.append(promptChars(pair.prompt()));
      chosen.append(pair.chosen().length());
      rejected.append(pair.rejected().length());
    }
    return Table.create("pairs", family, domain, label, split, prompt, chosen, rejected);
  }

  /** One row per pool: family, domain, premise, split, candidate count and mean length. */
  public static Table poolRows(List<CandidatePool> pools) {
    StringColumn family = StringColumn.create("family");
    StringColumn domain = StringColumn.create("domain");
    StringColumn premise = StringColumn.create("premise");
    StringColumn split = StringColumn.create("split");
    IntColumn prompt = IntColumn.create("prompt_chars");
    IntColumn candidates = IntColumn.create("candidates");
    IntColumn chars = IntColumn.create("candidate_chars");
    for (CandidatePool pool : pools) {
      family.append(pool.family());
      domain.append(pool.domain());
      premise.append(pool.premise().jsonName());
      split.append(String.valueOf(pool.meta().getOrDefault("split", "-")));
      prompt.append(promptChars(pool.prompt()));
      candidates.append(pool.candidates().size());
      chars.append(
          (int)
              Math.round(
                  pool.candidates().stream().mapToInt(c -> c.text().length()).average().orElse(0)));
    }
    return Table.create("pools", family, domain, premise, split, prompt, candidates, chars);
  }

  /** Record counts grouped by the given columns, sorted by them. */
  public static Table counts(Table rows, String... groups) {
    Table counts = rows.summarize(rows.column(0).name(), count).by(groups);
    counts.column(counts.columnCount() - 1).setName("records");
    return counts.sortAscendingOn(groups).setName("records by " + String.join(" × ", groups));
  }

  /** Min, median, 90th and 99th percentile and max of each length column. */
  public static Table lengths(Table rows, String... lengthColumns) {
    return rows.summarize(List.of(lengthColumns), min, median, percentile90, percentile99, max)
        .apply()
        .setName("lengths in characters");
  }

  private static int promptChars(List<Turn> prompt) {
    return prompt.stream().mapToInt(t -> t.content().length()).sum();
  }
}
