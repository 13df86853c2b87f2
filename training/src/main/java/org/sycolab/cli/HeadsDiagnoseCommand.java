package org.sycolab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sycolab.stage.DiagnoseConfig;
import org.sycolab.stage.DiagnoseOutcome;
import org.sycolab.stage.DiagnoseStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** {@code sycolab heads diagnose}: what trained heads reward, on held-out pairs and pools. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Score held-out pairs and pool candidates with trained heads and tabulate what they reward:"
          + " pairwise accuracy on pairs of each label (all, conflict vs control, per family and"
          + " domain), beside the baseline 'pick the longer answer' (head longer-answer: length in"
          + " characters, ties half); Pearson and Spearman correlation of the heads over"
          + " candidates; and the 2x2 decomposition z = a + b*agrees + c*truthful"
          + " + d*agrees*truthful + e*length fitted by OLS on each head's z-scored candidate scores"
          + " (b: style, c: substance, e: per sd of the candidates' length in characters), with"
          + " standard errors clustered by pool (classical ones beside).",
      "A verdict for every head, judged against the truth: its accuracy on grounded conflict"
          + " pairs (user wrong) and control pairs (user right), whose chosen answer is the true"
          + " one, each with a 95%% Wilson interval, and the mean z of each agrees x truthful cell"
          + " of the pools; the class (tracks truth, rewards agreement, rewards disagreement"
          + " (contrarian), prefers false answers, no signal, weak) follows the rule printed"
          + " beside it. Without control pairs no head is said to track truth.",
      "Features come from the backbone recorded in the heads' head.json, through the cache.",
      "Writes verdict.csv, accuracy.csv, decomposition.csv, correlation.csv (two heads or more)"
          + " and the manifest."
    })
final class HeadsDiagnoseCommand extends BaseCommand {

  @Option(
      names = "--heads",
      paramLabel = "DIR",
      arity = "1..*",
      required = true,
      description = "Head directories written by `sycolab train`, all on one backbone.")
  List<Path> headDirs;

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of preference pairs.")
  Path pairsFile;

  @Option(
      names = "--pools",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of candidate pools.")
  Path poolsFile;

  @Mixin SplitOption split;

  @Mixin HeadBackboneOptions backboneOptions;

  @Mixin OutputOptions output;

  @Override
  protected int execute() throws Exception {
    DiagnoseConfig config =
        new DiagnoseConfig(
            headDirs,
            pairsFile,
            poolsFile,
            split.selected(),
            backboneOptions.model,
            backboneOptions.batchSize.value,
            output.out);
    print(new DiagnoseStage(context()).run(config));
    return ExitCode.OK;
  }

  private void print(DiagnoseOutcome result) {
    out()
        .printf(
            Locale.ROOT,
            "%d pairs and %d candidates of split %s%n%n",
            result.pairs(),
            result.candidates(),
            split.name);
    VerdictLines.print(out(), result.verdicts());
    out().println();
    Table accuracy = result.accuracy();
    Table headline =
        accuracy.where(
            accuracy
                .stringColumn("group_by")
                .isEqualTo("all")
                .or(accuracy.stringColumn("group_by").isEqualTo("premise")));
    headline.setName(
        "pairwise accuracy, beside picking the longer answer (per family and domain in"
            + " accuracy.csv)");
    out().println(rounded(headline).printAll());
    out().println();
    Table decomposition = rounded(result.decomposition());
    decomposition.setName(
        "2x2 decomposition of z-scored candidate scores (b: agrees, c: truthful, e: length in"
            + " characters, z-scored; standard errors clustered by pool)");
    out().println(decomposition.printAll());
    if (result.correlation().isPresent()) {
      out().println();
      out().println(rounded(result.correlation().get()).printAll());
    }
    out().printf(Locale.ROOT, "%nwrote %s%n", result.directory());
  }

  /** A copy with doubles rounded to 4 places, for the terminal. */
  private static Table rounded(Table table) {
    Table copy = table.copy();
    copy.setName(table.name());
    for (var column : copy.numericColumns()) {
      if (column instanceof DoubleColumn doubles) {
        copy.replaceColumn(
            doubles.name(),
            doubles.map(v -> Math.round(v * 10_000) / 10_000.0).setName(doubles.name()));
      }
    }
    return copy;
  }
}
