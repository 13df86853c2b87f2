package org.sycolab.cli;

import java.nio.file.Path;
import java.util.List;
import org.sycolab.data.TextLimits;
import org.sycolab.stage.ValidateConfig;
import org.sycolab.stage.ValidateOutcome;
import org.sycolab.stage.ValidateStage;
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
      defaultValue = "" + TextLimits.MAX_CHARS,
      description = "Longest text allowed in any turn or response (default: ${DEFAULT-VALUE}).")
  int maxChars;

  @Override
  protected int execute() throws Exception {
    ValidateOutcome outcome = new ValidateStage(context()).run(config());
    outcome.print(out());
    return outcome.succeeded() ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  /** The options as the stage's config. */
  private ValidateConfig config() {
    return new ValidateConfig(files, new TextLimits(maxChars));
  }

  @Override
  protected boolean checksDeviceFirst() {
    return false;
  }
}
