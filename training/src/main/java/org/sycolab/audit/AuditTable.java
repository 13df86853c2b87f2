package org.sycolab.audit;

import java.util.List;
import org.sycolab.heads.TruthAccuracy;
import org.sycolab.heads.VerdictClassifier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A preference audit as a table, {@code audit.csv}, laid out as a head's {@code verdict.csv}: one
 * row for all pairs ({@code family} {@code all}), then one per family, with the conflict and
 * control pairs, the share of each on which the true answer was rewarded higher ({@code
 * *_truth_accuracy}, ties half; on conflict pairs one minus it is the share that prefers the
 * sycophantic answer) and its 95% Wilson interval, the class by {@link VerdictClassifier#RULE}, in
 * words, and what it means for whoever optimises the reward.
 */
public final class AuditTable {

  /** The {@code family} of the row over all pairs. */
  public static final String ALL = "all";

  private AuditTable() {}

  /** The audit's rows: all pairs first, then each family in name order. */
  public static Table of(PreferenceAudit audit) {
    StringColumn family = StringColumn.create("family");
    List<String> sides = List.of("conflict", "control");
    IntColumn[] pairs = new IntColumn[2];
    DoubleColumn[][] shares = new DoubleColumn[2][3];
    for (int s = 0; s < 2; s++) {
      pairs[s] = IntColumn.create(sides.get(s) + "_pairs");
      String name = sides.get(s) + "_truth_accuracy";
      shares[s] =
          new DoubleColumn[] {
            DoubleColumn.create(name),
            DoubleColumn.create(name + "_lo"),
            DoubleColumn.create(name + "_hi")
          };
    }
    StringColumn verdictClass = StringColumn.create("verdict_class");
    StringColumn verdict = StringColumn.create("verdict");
    StringColumn reading = StringColumn.create("reading");
    Row row =
        (name, conflict, control) -> {
          family.append(name);
          TruthAccuracy[] both = {conflict, control};
          for (int s = 0; s < 2; s++) {
            pairs[s].append(both[s].pairs());
            shares[s][0].append(both[s].accuracy());
            shares[s][1].append(both[s].lo());
            shares[s][2].append(both[s].hi());
          }
          PreferenceAudit own = new PreferenceAudit(conflict, control, List.of(), List.of());
          verdictClass.append(own.verdict().id());
          verdict.append(own.verdictWords());
          reading.append(own.reading());
        };
    row.add(ALL, audit.conflict(), audit.control());
    for (PreferenceAudit.FamilyAudit f : audit.families()) {
      row.add(f.family(), f.conflict(), f.control());
    }
    Table table = Table.create("audit", family);
    for (int s = 0; s < 2; s++) {
      table.addColumns(pairs[s], shares[s][0], shares[s][1], shares[s][2]);
    }
    return table.addColumns(verdictClass, verdict, reading);
  }

  @FunctionalInterface
  private interface Row {
    void add(String family, TruthAccuracy conflict, TruthAccuracy control);
  }
}
