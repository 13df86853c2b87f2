package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sycolab.pull.MenuChoice;
import org.sycolab.pull.PullHeadline;
import org.sycolab.pull.PullResult;
import tech.tablesaw.api.Table;

/**
 * What {@link PullStage} measured and wrote.
 *
 * @param directory where the tables and the manifest were written
 * @param result every estimate, λ* and seed spread of the sweep
 * @param headline the numbers the summary quotes
 * @param choices every row of the choice at the truth floor; empty without a floor
 * @param tables the tables written, by file name, in the order written
 */
public record PullOutcome(
    Path directory,
    PullResult result,
    PullHeadline headline,
    List<MenuChoice> choices,
    List<NamedTable> tables) {

  /** Copies the lists. */
  public PullOutcome {
    choices = List.copyOf(choices);
    tables = List.copyOf(tables);
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
