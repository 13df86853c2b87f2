package org.sycolab.stage;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.sycolab.audit.AuditTable;
import org.sycolab.audit.PreferenceAudit;
import org.sycolab.audit.RewardCsv;
import org.sycolab.backbone.reward.RewardBackbone;
import org.sycolab.backbone.reward.RewardModel;
import org.sycolab.backbone.reward.TextTooLongException;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.Datasets;
import org.sycolab.data.PreferencePair;
import org.sycolab.engine.CacheLocation;
import org.sycolab.features.FeatureCache;
import org.sycolab.features.FeatureExtractor;
import org.sycolab.features.Shard;
import org.sycolab.features.TextSlot;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;

/**
 * Scores a file of pairs or pools with a user's reward model (a sequence classifier with one
 * output): the hidden state its head reads comes through the feature cache (under the reward
 * model's fingerprint), the head is applied in double precision. Writes {@link #SCORES_FILE}, for
 * pairs also {@link RunLayout#AUDIT_FILE} (the preference audit), and the manifest.
 */
public final class ScoreStage {

  /** The stage's name: its command and its fresh directories' prefix. */
  public static final String NAME = "score";

  /**
   * The rewards: {@code pool_id,candidate,reward} for pools, {@code id,label,chosen,rejected} for
   * pairs.
   */
  public static final String SCORES_FILE = "scores.csv";

  private final StageContext context;

  /** A stage that reports, computes and records through {@code context}. */
  public ScoreStage(StageContext context) {
    this.context = context;
  }

  /** Scores what {@code config} describes. */
  public ScoreOutcome run(ScoreConfig config) throws Exception {
    List<DatasetRecord> records = Datasets.readAll(config.in());
    if (records.isEmpty()) {
      throw new IllegalArgumentException(config.in() + ": holds no pairs or pools to score");
    }
    long start = System.nanoTime();
    RewardModel model =
        RewardModel.describe(
            config.model(), config.maxLength(), config.precision(), CacheLocation.root());
    FeatureCache cache =
        new FeatureCache(CacheLocation.root(), model.fingerprint(), context.console()::warn);
    Device device = context.device();
    Execution run =
        context.start(
            NAME,
            RunDirectory.atOrFresh(config.out(), NAME),
            manifestConfig(config, model),
            Map.of(),
            device.toString());
    try {
      run.recordInput(config.in());
      AtomicReference<RewardBackbone> opened = new AtomicReference<>();
      FeatureExtractor extractor =
          new FeatureExtractor(
              () -> {
                opened.set(model.open(device));
                return opened.get();
              },
              cache,
              config.batchSize(),
              FeatureExtractor.FLUSH_EVERY,
              FeatureExtractor.FLUSH_AFTER);
      List<TextSlot> slots = TextSlot.of(records);
      FeatureExtractor.Result result;
      double modelSeconds;
      try (EmbeddingProgress progress = new EmbeddingProgress(context.console(), NAME)) {
        result =
            extractor.extract(slots.stream().map(TextSlot::text).toList(), Shard.ALL, progress);
        modelSeconds = progress.seconds();
      } catch (TextTooLongException e) {
        throw new IllegalArgumentException(where(config, slots, e) + e.getMessage(), e);
      }
      warnOfPaddingInside(opened.get(), result.computed());
      Map<String, float[]> hidden = result.vectors();
      // One reward per slot, in file order: a pair's chosen then rejected, a pool's candidates.
      double[] rewards =
          slots.stream()
              .mapToDouble(slot -> model.head().reward(hidden.get(slot.text().contentKey())))
              .toArray();
      Optional<PreferenceAudit> audit = Optional.empty();
      int scored;
      if (records.get(0) instanceof PreferencePair) {
        List<PreferencePair> pairs = pairs(records);
        double[] chosen = new double[pairs.size()];
        double[] rejected = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
          chosen[i] = rewards[2 * i];
          rejected[i] = rewards[2 * i + 1];
        }
        run.writeOutput(SCORES_FILE, out -> RewardCsv.writePairs(pairs, chosen, rejected, out));
        PreferenceAudit made = PreferenceAudit.of(pairs, chosen, rejected);
        run.writeOutput(RunLayout.AUDIT_FILE, out -> ResultCsv.write(AuditTable.of(made), out));
        audit = Optional.of(made);
        scored = pairs.size();
      } else {
        List<CandidatePool> pools = pools(records);
        double[][] byPool = new double[pools.size()][];
        int at = 0;
        for (int p = 0; p < pools.size(); p++) {
          int size = pools.get(p).candidates().size();
          byPool[p] = Arrays.copyOfRange(rewards, at, at + size);
          at += size;
        }
        run.writeOutput(SCORES_FILE, out -> RewardCsv.writePools(pools, byPool, out));
        scored = pools.size();
      }
      run.complete();
      return new ScoreOutcome(
          run.directory().path(),
          config.model(),
          model.classifier().architecture(),
          config.in(),
          records.get(0) instanceof PreferencePair,
          scored,
          hidden.size(),
          result.cached(),
          result.computed(),
          modelSeconds,
          (System.nanoTime() - start) / 1e9,
          audit);
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
  }

  /**
   * Warns when the padding token also occurs inside conversations, where transformers before 4.48
   * read the reward elsewhere.
   */
  private void warnOfPaddingInside(RewardBackbone backbone, int computed) {
    if (backbone == null || backbone.paddingInside() == 0) {
      return;
    }
    int pad = backbone.padTokenId().orElseThrow();
    context
        .console()
        .warn(
            "pad_token_id "
                + pad
                + " also occurs inside "
                + backbone.paddingInside()
                + " of the "
                + computed
                + " conversations computed (e.g. closing earlier turns); sycolab reads the reward"
                + " at the last token that is not "
                + pad
                + ", as transformers since 4.48 does; rewards from older transformers, read before"
                + " the first "
                + pad
                + ", differ there");
  }

  /** {@code FILE: pair 'ID' chosen: } for the first record whose text was refused. */
  private static String where(ScoreConfig config, List<TextSlot> slots, TextTooLongException e) {
    String key = e.text().contentKey();
    for (TextSlot slot : slots) {
      if (slot.text().contentKey().equals(key)) {
        boolean pair = !slot.slot().startsWith("candidate:");
        return config.in()
            + ": "
            + (pair ? "pair" : "pool")
            + " '"
            + slot.recordId()
            + "' "
            + (pair
                ? slot.slot()
                : "candidates[" + slot.slot().substring("candidate:".length()) + "]")
            + ": ";
      }
    }
    return config.in() + ": ";
  }

  private static List<PreferencePair> pairs(List<DatasetRecord> records) {
    List<PreferencePair> pairs = new ArrayList<>();
    records.forEach(record -> pairs.add((PreferencePair) record));
    return pairs;
  }

  private static List<CandidatePool> pools(List<DatasetRecord> records) {
    List<CandidatePool> pools = new ArrayList<>();
    records.forEach(record -> pools.add((CandidatePool) record));
    return pools;
  }

  /** The config as the manifest records it, with what the reward model resolved to. */
  private static Map<String, Object> manifestConfig(ScoreConfig config, RewardModel model) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("model", config.model());
    recorded.put("architecture", model.classifier().architecture());
    recorded.put("model_type", model.classifier().modelType());
    recorded.put("fingerprint", model.fingerprint());
    recorded.put(
        "reward_token",
        model.classifier().isDecoder()
            ? "last token that is not pad_token_id (transformers since 4.48)"
            : "[CLS], pooler, classifier");
    recorded.put("truncation", "conversation cut from its start; response read whole");
    recorded.put(
        "pad_token_id",
        model.classifier().padTokenId().isPresent()
            ? model.classifier().padTokenId().getAsInt()
            : "none");
    recorded.put("max_length", model.backbone().options().maxLength());
    recorded.put("dtype", model.backbone().options().precision().id());
    recorded.put("batch_size", config.batchSize());
    return recorded;
  }
}
