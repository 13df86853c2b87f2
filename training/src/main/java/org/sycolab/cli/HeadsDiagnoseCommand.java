package org.sycolab.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Datasets;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.heads.FeaturePairs;
import org.sycolab.heads.FiniteScores;
import org.sycolab.heads.HeadDiagnostics;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.HeadScorer;
import org.sycolab.heads.HeadVerdict;
import org.sycolab.heads.HeadVerdicts;
import org.sycolab.heads.LongerAnswer;
import org.sycolab.heads.SavedHead;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.stage.FeatureVectors;
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
    split.check();
    backboneOptions.check();
    List<SavedHead> heads = new ArrayList<>();
    for (Path dir : headDirs) {
      heads.add(HeadDirectory.read(dir, line -> err().println("warning: " + line)));
    }
    BackboneSpec backbone = backboneOptions.resolve(heads);

    List<PreferencePair> pairs = split.pairs(Datasets.readPairs(pairsFile, "--pairs"), pairsFile);
    List<CandidatePool> pools = split.pools(Datasets.readPools(poolsFile, "--pools"), poolsFile);

    List<Candidate> candidates = new ArrayList<>();
    List<Integer> poolOfCandidate = new ArrayList<>();
    List<String> candidateNames = new ArrayList<>();
    for (int p = 0; p < pools.size(); p++) {
      List<Candidate> poolCandidates = pools.get(p).candidates();
      for (int c = 0; c < poolCandidates.size(); c++) {
        candidates.add(poolCandidates.get(c));
        poolOfCandidate.add(p);
        candidateNames.add("pool '" + pools.get(p).id() + "' candidate " + c);
      }
    }
    try {
      HeadDiagnostics.requireEveryCell(candidates);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          poolsFile + " (split " + split.name + "): " + e.getMessage(), e);
    }

    Device device = root().device();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("heads", headDirs.stream().map(Path::toString).toList());
    config.put("pairs", pairsFile.toString());
    config.put("pools", poolsFile.toString());
    config.put("split", split.name);
    config.put("model", backbone.reference());
    config.put("fingerprint", backbone.fingerprint());
    Execution run = startRun(output.open("diagnose"), config, Map.of(), device.toString());
    try {
      run.recordInput(pairsFile);
      run.recordInput(poolsFile);
      for (Path dir : headDirs) {
        for (Path file : HeadDirectory.files(dir)) {
          run.recordInput(file);
        }
      }
      List<PairText> candidateTexts = FeatureVectors.texts(pools);
      List<PairText> texts = new ArrayList<>(candidateTexts);
      texts.addAll(FeatureVectors.texts(pairs));
      Map<String, float[]> vectors =
          FeatureVectors.of(
              texts, backbone, device, backboneOptions.batchSize.value, context().console());
      FeaturePairs pairFeatures = FeaturePairs.lookup(pairs, vectors);
      float[][] candidateFeatures = FeatureVectors.lookup(candidateTexts, vectors);

      List<HeadDiagnostics.ScoredHead> scored = new ArrayList<>();
      List<String> names = names(heads);
      for (int i = 0; i < heads.size(); i++) {
        SavedHead head = heads.get(i);
        try (HeadScorer scorer = new HeadScorer(head.weights(), device)) {
          float[] pairScores = scorer.score(pairFeatures);
          float[] candidateScores = scorer.score(candidateFeatures);
          FiniteScores.require(
              head.directory(),
              pairScores,
              k ->
                  "pair '"
                      + pairs.get(k / 2).id()
                      + "' ("
                      + (k % 2 == 0 ? "chosen" : "rejected")
                      + ")");
          FiniteScores.require(head.directory(), candidateScores, candidateNames::get);
          scored.add(
              new HeadDiagnostics.ScoredHead(
                  names.get(i), head.card().label(), pairScores, candidateScores));
        }
      }
      int[] poolIndex = poolOfCandidate.stream().mapToInt(Integer::intValue).toArray();
      List<HeadDiagnostics.ScoredHead> withBaseline = new ArrayList<>(scored);
      withBaseline.add(LongerAnswer.scored(pairs, candidates));
      List<HeadVerdict> verdicts = HeadVerdicts.judge(withBaseline, pairs, candidates, poolIndex);
      Table verdict = HeadVerdicts.table(verdicts);
      Table accuracy = HeadDiagnostics.accuracy(withBaseline, pairs);
      Table decomposition = HeadDiagnostics.decomposition(scored, candidates, poolIndex);
      Table correlation = scored.size() > 1 ? HeadDiagnostics.correlations(scored) : null;
      // Every table is built before the first is written: a failure leaves no partial set.
      run.writeOutput("verdict.csv", out -> ResultCsv.write(verdict, out));
      run.writeOutput("accuracy.csv", out -> ResultCsv.write(accuracy, out));
      run.writeOutput("decomposition.csv", out -> ResultCsv.write(decomposition, out));
      if (correlation != null) {
        run.writeOutput("correlation.csv", out -> ResultCsv.write(correlation, out));
      }
      run.complete();
      print(verdicts, accuracy, decomposition, correlation, pairs.size(), candidates.size(), run);
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
    return ExitCode.OK;
  }

  /** Directory names, or whole paths where two heads share a name. */
  private static List<String> names(List<SavedHead> heads) {
    Set<String> seen = new HashSet<>();
    boolean clash = false;
    for (SavedHead head : heads) {
      clash |= !seen.add(head.directory().getFileName().toString());
    }
    List<String> names = new ArrayList<>();
    for (SavedHead head : heads) {
      names.add(clash ? head.directory().toString() : head.directory().getFileName().toString());
    }
    return names;
  }

  private void print(
      List<HeadVerdict> verdicts,
      Table accuracy,
      Table decomposition,
      Table correlation,
      int pairCount,
      int candidateCount,
      Execution run) {
    out()
        .printf(
            Locale.ROOT,
            "%d pairs and %d candidates of split %s%n%n",
            pairCount,
            candidateCount,
            split.name);
    VerdictLines.print(out(), verdicts);
    out().println();
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
    decomposition.setName(
        "2x2 decomposition of z-scored candidate scores (b: agrees, c: truthful, e: length in"
            + " characters, z-scored; standard errors clustered by pool)");
    out().println(rounded(decomposition).printAll());
    if (correlation != null) {
      out().println();
      out().println(rounded(correlation).printAll());
    }
    out().printf(Locale.ROOT, "%nwrote %s%n", run.directory().path());
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
