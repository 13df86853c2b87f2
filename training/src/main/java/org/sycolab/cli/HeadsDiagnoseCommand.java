package org.sycolab.cli;

import java.nio.file.Path;
import java.util.List;
import org.sycolab.stage.DiagnoseConfig;
import org.sycolab.stage.DiagnoseOutcome;
import org.sycolab.stage.DiagnoseStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    DiagnoseOutcome outcome = new DiagnoseStage(context()).run(config());
    outcome.print(out());
    return ExitCode.OK;
  }

  /** The options as the stage's config; reads no file. */
  private DiagnoseConfig config() {
    return new DiagnoseConfig(
        headDirs,
        pairsFile,
        poolsFile,
        split.selected(),
        backboneOptions.model,
        backboneOptions.batchSize.value,
        output.out);
  }
}
