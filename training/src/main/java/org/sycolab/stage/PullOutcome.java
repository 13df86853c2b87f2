package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.pull.AuditHeadline;
import org.sycolab.pull.AuditSummary;
import org.sycolab.pull.Headline;
import org.sycolab.pull.MenuChoice;
import org.sycolab.pull.PullHeadline;
import org.sycolab.pull.PullResult;
import org.sycolab.pull.PullSummary;
import org.sycolab.pull.Reference;
import org.sycolab.pull.TruthFloor;
import tech.tablesaw.api.Table;

/**
 * What {@link PullStage} measured and wrote.
 *
 * @param directory where the tables and the manifest were written
 * @param split the pools evaluated
 * @param reference π₀
 * @param floor the truth floor of the choice; empty when none was asked for
 * @param result every estimate, λ* and seed spread of the sweep
 * @param headline the numbers the summary quotes: of the λ sweep, or of an audited reward alone
 * @param choices every row of the choice at the truth floor; empty without a floor
 * @param tables the tables written, by file name, in the order written
 */
public record PullOutcome(
    Path directory,
    EvaluationSplit split,
    Reference reference,
    Optional<TruthFloor> floor,
    PullResult result,
    Headline headline,
    List<MenuChoice> choices,
    List<NamedTable> tables)
    implements StageOutcome {

  /** Copies the lists. */
  public PullOutcome {
    choices = List.copyOf(choices);
    tables = List.copyOf(tables);
  }

  /** The summary of the sweep ({@link PullSummary} or {@link AuditSummary}), then the directory. */
  @Override
  public void print(PrintWriter out) {
    if (headline instanceof PullHeadline sweep) {
      new PullSummary(split.name(), reference.id(), floor, result, sweep).print(out);
    } else if (headline instanceof AuditHeadline audit) {
      new AuditSummary(split.name(), reference.id(), result, audit).print(out);
    }
    out.printf(Locale.ROOT, "%nwrote %s%n", directory);
  }

  /**
   * A table and the file it was written to.
   *
   * @param file its file name in {@link #directory}, such as {@code pull.csv}
   * @param table its rows
   */
  public record NamedTable(String file, Table table) {}

  /** The table written to {@code file}, when one was. */
  public Optional<Table> table(String file) {
    return tables.stream().filter(t -> t.file().equals(file)).map(NamedTable::table).findFirst();
  }
}
