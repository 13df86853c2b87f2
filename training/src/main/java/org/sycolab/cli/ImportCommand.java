package org.sycolab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.Label;
import org.sycolab.data.Problem;
import org.sycolab.data.formats.Format;
import org.sycolab.stage.ImportConfig;
import org.sycolab.stage.ImportOutcome;
import org.sycolab.stage.ImportStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code sycolab import}: maps public datasets to sycolab's preference pairs and pools. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Import public datasets into pairs.jsonl (preference pairs) and/or pools.jsonl"
          + " (candidate pools) in the run directory, with a manifest recording every input's"
          + " SHA-256.",
      "All inputs are read first. If any has a problem, the problems are printed as"
          + " file:line: field: message and nothing is written (exit status 1).",
      ""
    },
    footerHeading = "%nFormats:%n",
    footer = {
      "  trl              TRL preference JSONL, explicit or implicit prompt;",
      "                   needs --label (TRL data carries no label)",
      "  anthropic-mwe    Anthropic model-written-evals sycophancy, published or",
      "                   pre-release layout: agreeable pairs only (opinions)",
      "  sycophancy-eval  SycophancyEval answer, are_you_sure and feedback files:",
      "                   pools and grounded + agreeable pairs; records with no",
      "                   user stance are skipped and counted",
      "  truthfulqa       TruthfulQA CSV, 7 or 8 columns: a false-premise pool",
      "                   and a grounded + an agreeable pair per question",
      "",
      "Example:",
      "  sycolab import --format truthfulqa TruthfulQA.csv --out runs/tqa"
    })
final class ImportCommand extends BaseCommand {

  /** Problems printed before the rest are only counted. */
  static final int LISTED = 20;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "trl, anthropic-mwe, sycophancy-eval or truthfulqa.")
  Format format;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description =
          "agreeable or grounded: the label of every pair; required with --format trl (TRL data"
              + " carries no label), refused with the other formats, which decide it per record.")
  Label label;

  @Parameters(
      arity = "1..*",
      paramLabel = "IN",
      description = "Input files, all in the same format.")
  List<Path> inputs;

  @Mixin OutputOptions output;

  @Override
  protected boolean checksDeviceFirst() {
    return false;
  }

  @Override
  protected int execute() throws Exception {
    ImportConfig config = config();
    ImportOutcome outcome;
    try {
      outcome = new ImportStage(context()).run(config);
    } catch (InvalidDatasetException e) {
      printProblems(e);
      return ExitCode.PROBLEMS;
    }
    outcome.print(out());
    outcome
        .removed()
        .forEach(
            name ->
                err()
                    .println(
                        "removed "
                            + name
                            + " left in "
                            + outcome.directory()
                            + " by an earlier run"));
    return ExitCode.OK;
  }

  /** The options as the stage's config; a label that does not fit the format is a usage error. */
  private ImportConfig config() {
    try {
      return new ImportConfig(format, label, inputs, output.out);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void printProblems(InvalidDatasetException e) {
    PrintWriter err = err();
    List<Problem> problems = e.report().problems();
    err.println(
        "sycolab import: "
            + e.report().problemCount()
            + (e.report().problemCount() == 1 ? " problem" : " problems")
            + " in "
            + e.report().file()
            + "; nothing was written");
    problems.stream().limit(LISTED).forEach(p -> err.println("  " + p));
    long more = e.report().problemCount() - Math.min(LISTED, problems.size());
    if (more > 0) {
      err.println("  ... and " + more + " more");
    }
  }

  /** Reads a format by its CLI name. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.fromCliName(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected one of " + Format.cliNames() + ", got '" + value + "'"));
    }
  }
}
