package org.sycolab.stage;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Table;

/**
 * The diagnose stage: what trained heads reward, on the held-out pairs and pools. Scores both with
 * every head and writes each head's verdict against the truth ({@value RunLayout#VERDICT_FILE}),
 * pairwise accuracy beside picking the longer answer ({@value RunLayout#ACCURACY_FILE}), the 2x2
 * decomposition of the candidate scores ({@value RunLayout#DECOMPOSITION_FILE}), the heads'
 * correlations ({@value #CORRELATION_FILE}, two heads or more) and the manifest. Features come from
 * the heads' backbone, through the cache.
 */
public final class DiagnoseStage {

  /** The stage's name: its command's, and its fresh directories' ({@code diagnose-<time>}). */
  public static final String NAME = "diagnose";

  /** Pearson and Spearman correlation of the heads over candidates. */
  public static final String CORRELATION_FILE = "correlation.csv";

  private final StageContext context;

  /** A stage that reports, computes and records its execution through {@code context}. */
  public DiagnoseStage(StageContext context) {
    this.context = context;
  }

  /**
   * Diagnoses the heads {@code config} names on its pairs and pools.
   *
   * @throws IllegalArgumentException before anything is written, for heads of another backbone, a
   *     split without records, or pools that leave a cell of the 2x2 decomposition empty
   */
  public DiagnoseOutcome run(DiagnoseConfig config) throws Exception {
    StageConsole console = context.console();
    List<SavedHead> heads = new ArrayList<>();
    for (Path dir : config.heads()) {
      heads.add(HeadDirectory.read(dir, console::warn));
    }
    BackboneSpec backbone = HeadBackbone.resolve(heads, config.model());
    EvaluationSplit split = config.split();
    List<PreferencePair> pairs =
        split.pairs(Datasets.readPairs(config.pairs(), "--pairs"), config.pairs());
    PoolCandidates candidates =
        PoolCandidates.of(
            split.pools(Datasets.readPools(config.pools(), "--pools"), config.pools()));
    try {
      HeadDiagnostics.requireEveryCell(candidates.candidates());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          config.pools() + " (split " + split.name() + "): " + e.getMessage(), e);
    }

    Device device = context.device();
    Execution run =
        context.start(
            NAME,
            RunDirectory.atOrFresh(config.out(), NAME),
            manifestConfig(config, backbone),
            Map.of(),
            device.toString());
    try {
      run.recordInput(config.pairs());
      run.recordInput(config.pools());
      for (Path dir : config.heads()) {
        for (Path file : HeadDirectory.files(dir)) {
          run.recordInput(file);
        }
      }
      List<HeadDiagnostics.ScoredHead> scored =
          score(heads, pairs, candidates, backbone, device, config.batchSize());
      DiagnoseOutcome result = diagnose(run, split, scored, pairs, candidates);
      run.complete();
      return result;
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
  }

  /** Every head's scores of the pairs and candidates, each checked finite. */
  private List<HeadDiagnostics.ScoredHead> score(
      List<SavedHead> heads,
      List<PreferencePair> pairs,
      PoolCandidates candidates,
      BackboneSpec backbone,
      Device device,
      int batchSize)
      throws Exception {
    List<PairText> candidateTexts = FeatureVectors.texts(candidates.pools());
    List<PairText> texts = new ArrayList<>(candidateTexts);
    texts.addAll(FeatureVectors.texts(pairs));
    Map<PairText, float[]> vectors =
        FeatureVectors.of(texts, backbone, device, context.engine(), batchSize, context.console());
    FeaturePairs pairFeatures = FeaturePairs.lookup(pairs, vectors::get);
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
        FiniteScores.require(head.directory(), candidateScores, candidates.names()::get);
        scored.add(
            new HeadDiagnostics.ScoredHead(
                names.get(i), head.card().label(), pairScores, candidateScores));
      }
    }
    return scored;
  }

  /** Builds every table, then writes them: a failure leaves no partial set. */
  private static DiagnoseOutcome diagnose(
      Execution run,
      EvaluationSplit split,
      List<HeadDiagnostics.ScoredHead> scored,
      List<PreferencePair> pairs,
      PoolCandidates candidates)
      throws Exception {
    int[] poolIndex = candidates.poolIndex();
    List<HeadDiagnostics.ScoredHead> withBaseline = new ArrayList<>(scored);
    withBaseline.add(LongerAnswer.scored(pairs, candidates.candidates()));
    List<HeadVerdict> verdicts =
        HeadVerdicts.judge(withBaseline, pairs, candidates.candidates(), poolIndex);
    Table verdict = HeadVerdicts.table(verdicts);
    Table accuracy = HeadDiagnostics.accuracy(withBaseline, pairs);
    Table decomposition = HeadDiagnostics.decomposition(scored, candidates.candidates(), poolIndex);
    Optional<Table> correlation =
        scored.size() > 1 ? Optional.of(HeadDiagnostics.correlations(scored)) : Optional.empty();
    run.writeOutput(RunLayout.VERDICT_FILE, out -> ResultCsv.write(verdict, out));
    run.writeOutput(RunLayout.ACCURACY_FILE, out -> ResultCsv.write(accuracy, out));
    run.writeOutput(RunLayout.DECOMPOSITION_FILE, out -> ResultCsv.write(decomposition, out));
    if (correlation.isPresent()) {
      Table table = correlation.get();
      run.writeOutput(CORRELATION_FILE, out -> ResultCsv.write(table, out));
    }
    return new DiagnoseOutcome(
        run.directory().path(),
        split,
        pairs.size(),
        candidates.candidates().size(),
        verdicts,
        accuracy,
        decomposition,
        correlation);
  }

  private static Map<String, Object> manifestConfig(DiagnoseConfig config, BackboneSpec backbone) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("heads", config.heads().stream().map(Path::toString).toList());
    recorded.put("pairs", config.pairs().toString());
    recorded.put("pools", config.pools().toString());
    recorded.put("split", config.split().name());
    recorded.put("model", backbone.reference());
    recorded.put("fingerprint", backbone.fingerprint());
    return recorded;
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

  /**
   * The pools' candidates in one list, with the pool each belongs to and a name for messages.
   *
   * @param pools the pools
   * @param candidates every pool's candidates, pool by pool
   * @param poolIndex the index in {@code pools} of each candidate's pool
   * @param names {@code pool '<id>' candidate <c>} of each candidate
   */
  private record PoolCandidates(
      List<CandidatePool> pools, List<Candidate> candidates, int[] poolIndex, List<String> names) {

    static PoolCandidates of(List<CandidatePool> pools) {
      List<Candidate> candidates = new ArrayList<>();
      List<Integer> poolIndex = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int p = 0; p < pools.size(); p++) {
        List<Candidate> poolCandidates = pools.get(p).candidates();
        for (int c = 0; c < poolCandidates.size(); c++) {
          candidates.add(poolCandidates.get(c));
          poolIndex.add(p);
          names.add("pool '" + pools.get(p).id() + "' candidate " + c);
        }
      }
      return new PoolCandidates(
          pools, candidates, poolIndex.stream().mapToInt(Integer::intValue).toArray(), names);
    }
  }
}
