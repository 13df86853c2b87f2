package org.sycolab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.Problem;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sycolab validate FILE...}: checks dataset files and lists every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check JSONL files of preference pairs or candidate pools before any work: every problem is"
          + " printed as file:line: field: what was expected (bad JSON, invalid UTF-8, missing or"
          + " empty fields, unknown labels, duplicate ids, chosen equal to rejected, pools with no"
          + " truthful candidate, over-long text), then one summary line per file.",
      "Exits with 1 when any file has a problem, 0 when all are clean. Files are streamed, so"
          + " size is no limit."
    })
final class ValidateCommand extends BaseCommand {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSONL files to check.")
  List<Path> files;

  @Option(
      names = "--max-chars",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Longest text allowed in any turn or response (default: ${DEFAULT-VALUE}).")
  int maxChars;

  @Override
  protected int execute() throws Exception {
    DatasetValidator validator = new DatasetValidator(new TextLimits(maxChars));
    PrintWriter out = out();
    boolean clean = true;
    for (Path file : files) {
      Optional<String> notAFile = DatasetValidator.notAFile(file);
      if (notAFile.isPresent()) {
        out.println(file + ": " + notAFile.get());
        clean = false;
        continue;
      }
      ValidationReport report;
      try (ProgressBar bar =
          ProgressBar.on(err(), file.toString(), "records", -1, root().verbosity())) {
        report = validator.validate(file, record -> bar.step(1));
      }
      for (Problem problem : report.problems()) {
        out.println(problem);
      }
      long unlisted = report.problemCount() - report.problems().size();
      if (unlisted > 0) {
        out.println(file + ": ... and " + unlisted + " more problems");
      }
      out.println(report.summary());
      clean &= report.clean();
    }
    return clean ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  @Override
  protected boolean checksDeviceFirst() {
    return false;
  }
}
