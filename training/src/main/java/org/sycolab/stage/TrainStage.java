package org.sycolab.stage;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.data.DataSplit;
import org.sycolab.data.Datasets;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.engine.CacheLocation;
import org.sycolab.heads.FeaturePairs;
import org.sycolab.heads.HeadCard;
import org.sycolab.heads.HeadDiagnostics;
import org.sycolab.heads.HeadSummaryTable;
import org.sycolab.heads.HeadVerdict;
import org.sycolab.heads.HeadVerdicts;
import org.sycolab.heads.LongerAnswer;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Table;

/**
 * The train stage: Bradley–Terry reward heads on a backbone's features, one per target and seed,
 * each judged against the truth on the test split's grounded pairs. Writes one head directory per
 * head ({@link RunLayout#headDirectory}), {@value RunLayout#HEADS_FILE}, {@value
 * RunLayout#VERDICT_FILE} (when the test split has grounded pairs) and the manifest; features come
 * through the cache, missing ones computed first.
 */
public final class TrainStage {

  /** The stage's name: its command's, and its fresh directories' ({@code train-<time>}). */
  public static final String NAME = "train";

  private final StageContext context;

  /** A stage that reports, computes and records its execution through {@code context}. */
  public TrainStage(StageContext context) {
    this.context = context;
  }

  /**
   * Trains the heads {@code config} asks for and writes them with their tables.
   *
   * @throws IllegalArgumentException naming the file and option, before any work, when the pairs
   *     cannot train a head as asked
   */
  public TrainOutcome run(TrainConfig config) throws Exception {
    TrainingSelection selection =
        TrainingSelection.of(config, Datasets.readPairs(config.pairs(), "--pairs"));
    BackboneSpec backbone =
        Backbones.describe(config.model(), config.backboneOptions(), CacheLocation.root());
    Device device = context.device();
    Execution run =
        context.start(
            NAME,
            RunDirectory.atOrFresh(config.out(), NAME),
            manifestConfig(config, selection, backbone),
            seeds(config),
            device.toString());
    try {
      TrainOutcome result = train(run, config, selection, backbone, device);
      run.complete();
      return result;
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
  }

  private TrainOutcome train(
      Execution run,
      TrainConfig config,
      TrainingSelection selection,
      BackboneSpec backbone,
      Device device)
      throws Exception {
    String dataSha = run.recordInput(config.pairs()).sha256();
    List<PairText> texts = FeatureVectors.texts(selection.used());
    Map<PairText, float[]> vectors =
        FeatureVectors.of(
            texts, backbone, device, context.engine(), config.batchSize(), context.console());
    List<PreferencePair> truthPairs = selection.truthPairs();
    FeaturePairs truth =
        truthPairs.isEmpty() ? null : FeaturePairs.lookup(truthPairs, vectors::get);
    HeadTraining training =
        new HeadTraining(context, device, run, config, backbone, vectors, truth);
    List<TrainedHead> heads = new ArrayList<>();
    List<HeadDiagnostics.ScoredHead> truthScores = new ArrayList<>();
    for (TrainingTarget target : config.targets()) {
      for (long seed : config.seeds()) {
        String name = RunLayout.headDirectory(target.fileName(), seed);
        Map<DataSplit, List<PreferencePair>> bySplit = selection.heads().get(name);
        HeadCard.DataInfo data =
            new HeadCard.DataInfo(
                config.pairs().toString(),
                dataSha,
                selection.splitSource(),
                bySplit.get(DataSplit.TRAIN).size(),
                bySplit.get(DataSplit.DEV).size(),
                bySplit.get(DataSplit.TEST).size());
        HeadTraining.Trained trained = training.train(name, target, seed, bySplit, data);
        heads.add(trained.head());
        if (truth != null) {
          truthScores.add(
              new HeadDiagnostics.ScoredHead(
                  name, target.toString(), trained.truthScores(), new float[0]));
        }
      }
    }
    Map<String, HeadCard> cards = new LinkedHashMap<>();
    heads.forEach(head -> cards.put(head.name(), head.card()));
    Table summary = HeadSummaryTable.summary(cards);
    run.writeOutput(RunLayout.HEADS_FILE, out -> ResultCsv.write(summary, out));
    List<HeadVerdict> verdicts = List.of();
    if (!truthPairs.isEmpty()) {
      truthScores.add(LongerAnswer.scored(truthPairs, List.of()));
      verdicts = HeadVerdicts.judge(truthScores, truthPairs, List.of(), new int[0]);
      Table verdictTable = HeadVerdicts.table(verdicts);
      run.writeOutput(RunLayout.VERDICT_FILE, out -> ResultCsv.write(verdictTable, out));
    }
    return new TrainOutcome(run.directory().path(), heads, summary, verdicts, truthPairs.size());
  }

  /** What the manifest records of the config, with the backbone's fingerprint and split source. */
  private static Map<String, Object> manifestConfig(
      TrainConfig config, TrainingSelection selection, BackboneSpec backbone) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("pairs", config.pairs().toString());
    recorded.put("labels", config.targets().stream().map(TrainingTarget::toString).toList());
    recorded.put("head", config.head().kind().id());
    recorded.put("training", config.training());
    recorded.put("model", config.model());
    recorded.put("fingerprint", backbone.fingerprint());
    recorded.put("split_source", selection.splitSource());
    recorded.put("excluded_domains", config.excludedDomains());
    return recorded;
  }

  private static Map<String, Long> seeds(TrainConfig config) {
    Map<String, Long> seeds = new LinkedHashMap<>();
    config.seeds().forEach(seed -> seeds.put("head_seed_" + seed, seed));
    return seeds;
  }
}
