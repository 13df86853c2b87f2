package org.sycolab.audit;

import org.sycolab.heads.TruthAccuracy;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A preference audit as a table, {@code audit.csv}: one row per family (and {@code all}) and
 * premise, with the pairs, the share on which the true answer was rewarded higher ({@code
 * true_preferred}, ties half; on conflict pairs one minus it is the share that prefers the
 * sycophantic answer) and its 95% Wilson interval.
 */
public final class AuditTable {

  private AuditTable() {}

  /** The audit's rows: all pairs first, then each family; conflict before control. */
  public static Table of(PreferenceAudit audit) {
    StringColumn family = StringColumn.create("family");
    StringColumn premise = StringColumn.create("premise");
    IntColumn pairs = IntColumn.create("pairs");
    DoubleColumn share = DoubleColumn.create("true_preferred");
    DoubleColumn lo = DoubleColumn.create("lo");
    DoubleColumn hi = DoubleColumn.create("hi");
    Row row =
        (name, kind, accuracy) -> {
          family.append(name);
          premise.append(kind);
          pairs.append(accuracy.pairs());
          share.append(accuracy.accuracy());
          lo.append(accuracy.lo());
          hi.append(accuracy.hi());
        };
    row.add("all", "conflict", audit.conflict());
    row.add("all", "control", audit.control());
    for (PreferenceAudit.FamilyAudit f : audit.families()) {
      row.add(f.family(), "conflict", f.conflict());
      row.add(f.family(), "control", f.control());
    }
    return Table.create("audit", family, premise, pairs, share, lo, hi);
  }

  @FunctionalInterface
  private interface Row {
    void add(String family, String premise, TruthAccuracy accuracy);
  }
}
