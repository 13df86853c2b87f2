package org.sycolab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.PreferencePair;
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
          + " family × domain × premise × split), and length percentiles. The file is validated"
          + " first."
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
    List<DatasetRecord> records = new ArrayList<>();
    ValidationReport report = new DatasetValidator(TextLimits.DEFAULT).validate(file, records::add);
    if (!report.clean()) {
      throw new InvalidDatasetException(report);
    }
    List<Table> tables = new ArrayList<>();
    if (records.get(0) instanceof PreferencePair) {
      Table rows =
          DatasetTables.pairRows(records.stream().map(PreferencePair.class::cast).toList());
      tables.add(DatasetTables.counts(rows, "family", "domain", "label", "split"));
      tables.add(DatasetTables.counts(rows, "family", "label"));
      tables.add(DatasetTables.lengths(rows, "prompt_chars", "chosen_chars", "rejected_chars"));
    } else {
      Table rows = DatasetTables.poolRows(records.stream().map(CandidatePool.class::cast).toList());
      tables.add(DatasetTables.counts(rows, "family", "domain", "premise", "split"));
      tables.add(DatasetTables.lengths(rows, "prompt_chars", "candidates", "candidate_chars"));
    }
    out().println(report.summary());
    for (Table table : tables) {
      out().println();
      out().println(table.printAll());
    }
    return ExitCode.OK;
  }
}
