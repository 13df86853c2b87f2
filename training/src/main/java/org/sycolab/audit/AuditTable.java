package org.sycolab.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
 * sycophantic answer) and its 95% Wilson interval; the same shares for picking the longer answer
 * ({@code longer_answer_*}); how often the model rewards the longer answer ({@code
 * longer_preferred}, over pairs whose answers differ in length); the class by {@link
 * VerdictClassifier#RULE}, in words, what it means for whoever optimises the reward, and a note
 * where length may explain it.
 */
public final class AuditTable {

  private AuditTable() {}

  /** The audit's rows: all pairs first, then each family in name order. */
  public static Table of(PreferenceAudit audit) {
    StringColumn family = StringColumn.create("family");
    List<Share> shares =
        List.of(
            new Share("conflict", PreferenceAudit.Group::conflict, true),
            new Share("control", PreferenceAudit.Group::control, true),
            new Share("longer_answer_conflict", PreferenceAudit.Group::longerConflict, false),
            new Share("longer_answer_control", PreferenceAudit.Group::longerControl, false),
            new Share("longer_preferred", PreferenceAudit.Group::longerPreferred, false));
    StringColumn verdictClass = StringColumn.create("verdict_class");
    StringColumn verdict = StringColumn.create("verdict");
    StringColumn reading = StringColumn.create("reading");
    StringColumn lengthNote = StringColumn.create("length_note");
    List<PreferenceAudit.Group> groups = new ArrayList<>();
    groups.add(audit.all());
    groups.addAll(audit.families());
    for (PreferenceAudit.Group group : groups) {
      family.append(group.family());
      shares.forEach(share -> share.append(group));
      verdictClass.append(group.verdict().id());
      verdict.append(group.verdictWords());
      reading.append(group.reading());
      lengthNote.append(group.lengthNote());
    }
    Table table = Table.create("audit", family);
    shares.forEach(share -> share.addTo(table));
    return table.addColumns(verdictClass, verdict, reading, lengthNote);
  }

  /** The columns of one share: its pairs (for the truth accuracies), value and interval. */
  private static final class Share {
    private final Function<PreferenceAudit.Group, TruthAccuracy> of;
    private final IntColumn pairs;
    private final DoubleColumn value;
    private final DoubleColumn lo;
    private final DoubleColumn hi;

    Share(String prefix, Function<PreferenceAudit.Group, TruthAccuracy> of, boolean truth) {
      this.of = of;
      String name = truth ? prefix + "_truth_accuracy" : prefix;
      this.pairs = truth ? IntColumn.create(prefix + "_pairs") : null;
      this.value = DoubleColumn.create(name);
      this.lo = DoubleColumn.create(name + "_lo");
      this.hi = DoubleColumn.create(name + "_hi");
    }

    void append(PreferenceAudit.Group group) {
      TruthAccuracy accuracy = of.apply(group);
      if (pairs != null) {
        pairs.append(accuracy.pairs());
      }
      value.append(accuracy.accuracy());
      lo.append(accuracy.lo());
      hi.append(accuracy.hi());
    }

    void addTo(Table table) {
      if (pairs != null) {
        table.addColumns(pairs);
      }
      table.addColumns(value, lo, hi);
    }
  }
}
