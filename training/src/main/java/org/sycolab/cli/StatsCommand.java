package org.sycolab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.Datasets;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.RecordKind;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;
import org.sycolab.report.DatasetTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** {@code sycolab stats FILE}: counts and length percentiles of a dataset file. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Print tables for a file of pairs (records by family × domain × label × split) or pools (by"
          + " family × domain × premise × split), and length percentiles in characters. The file"
          + " is validated while it streams; only one short row per record is kept."
    })
final class StatsCommand extends BaseCommand {

  @Parameters(paramLabel = "FILE", description = "A JSONL file of pairs or pools.")
  Path file;

  @Override
  protected boolean checksDeviceFirst() {
    return false;
  }

  @Override
  protected int execute() throws Exception {
    Datasets.requireFile(file);
    DatasetTables.Rows rows = new DatasetTables.Rows();
    ValidationReport report = new DatasetValidator(TextLimits.DEFAULT).validate(file, rows);
    if (!report.clean()) {
      throw new InvalidDatasetException(report);
    }
    Table table = rows.table();
    List<Table> tables = new ArrayList<>();
    String group = report.kind().orElseThrow() == RecordKind.PAIRS ? "label" : "premise";
    tables.add(DatasetTables.counts(table, "family", "domain", group, "split"));
    tables.add(DatasetTables.counts(table, "family", group));
    tables.add(DatasetTables.lengths(table, table.columnNames().subList(4, table.columnCount())));
    out().println(report.summary());
    for (Table t : tables) {
      out().println();
      out().println(t.printAll());
    }
    return ExitCode.OK;
  }
}
