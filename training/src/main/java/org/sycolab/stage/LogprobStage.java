package org.sycolab.stage;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.decoder.CausalModelSpec;
import org.sycolab.backbone.decoder.ResponseScorer;
import org.sycolab.backbone.decoder.ResponseTooLongException;
import org.sycolab.backbone.decoder.ScoredSequence;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Datasets;
import org.sycolab.data.PairText;
import org.sycolab.engine.CacheLocation;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;

/**
 * The reference policy π₀ of a real model: every candidate's log-probability under a causal
 * language model, given its pool's conversation as the model's chat template renders it. A
 * candidate's {@code ref_logprob} is the sum (or, per token, the mean) of {@code log p(token |
 * everything before it)} over the tokens of its response and the template's end-of-turn token
 * ({@code <|im_end|>}, {@code <|eot_id|>}; none for the plain rendering). Writes {@value
 * RunLayout#POOLS_FILE}: the pools as they were, in order, with every candidate's {@code
 * ref_logprob} set.
 */
public final class LogprobStage {

  /** The stage's name: its command and its fresh directories' prefix. */
  public static final String NAME = "logprob";

  /** Which tokens count, as the manifest records it. */
  static final String COUNTED_TOKENS = "response + end-of-turn token";

  private final StageContext context;

  /** A stage that reports, computes and records through {@code context}. */
  public LogprobStage(StageContext context) {
    this.context = context;
  }

  /** Scores what {@code config} describes. */
  public LogprobOutcome run(LogprobConfig config) throws Exception {
    long start = System.nanoTime();
    List<CandidatePool> pools = Datasets.readPools(config.pools(), "--pools");
    CausalModelSpec spec =
        CausalModelSpec.describe(
            Path.of(config.model()), config.precision(), config.maxLength(), CacheLocation.root());
    Device device = context.device();
    Execution run =
        context.start(
            NAME,
            RunDirectory.atOrFresh(config.out(), NAME),
            manifestConfig(config, spec),
            Map.of(),
            device.toString());
    try {
      run.recordInput(config.pools());
      Scored scored;
      try (ResponseScorer scorer = ResponseScorer.load(spec, device)) {
        scored = score(scorer, pools, config);
      }
      List<CandidatePool> written = withLogprobs(pools, scored.logprobs());
      run.writeOutput(RunLayout.POOLS_FILE, out -> Datasets.write(out, written));
      run.complete();
      return new LogprobOutcome(
          run.directory().path(),
          config.model(),
          pools.size(),
          scored.logprobs().length,
          scored.tokens(),
          scored.headsCut(),
          config.perToken(),
          scored.modelSeconds(),
          (System.nanoTime() - start) / 1e9);
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
  }

  /** Each candidate's log-probability, in file order, and what it took. */
  private record Scored(double[] logprobs, long tokens, int headsCut, double modelSeconds) {}

  private Scored score(ResponseScorer scorer, List<CandidatePool> pools, LogprobConfig config) {
    List<ScoredSequence> sequences = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CandidatePool pool : pools) {
      for (int i = 0; i < pool.candidates().size(); i++) {
        PairText text = new PairText(pool.prompt(), pool.candidates().get(i).text());
        String name = config.pools() + ": pool '" + pool.id() + "' candidates[" + i + "]: ";
        try {
          sequences.add(scorer.sequence(text));
          names.add(name);
        } catch (ResponseTooLongException e) {
          throw new IllegalArgumentException(name + e.getMessage(), e);
        }
      }
    }
    int cut = (int) sequences.stream().filter(s -> s.headTokensCut() > 0).count();
    if (cut > 0) {
      context
          .console()
          .warn(
              cut
                  + " of "
                  + sequences.size()
                  + " conversations were longer than --max-length "
                  + config.maxLength()
                  + " and lost "
                  + sequences.stream().mapToLong(ScoredSequence::headTokensCut).sum()
                  + " tokens in all from their start; their responses were kept whole");
    }
    // Longest first, so that a batch's rows are of like length and an out-of-memory comes early.
    int[] order =
        IntStream.range(0, sequences.size())
            .boxed()
            .sorted(Comparator.comparingInt((Integer i) -> -sequences.get(i).ids().length))
            .mapToInt(Integer::intValue)
            .toArray();
    double[] logprobs = new double[sequences.size()];
    long tokens = 0;
    long modelNanos = 0;
    try (StageConsole.Progress progress =
        context.console().progress(NAME, "candidates", sequences.size())) {
      for (int from = 0; from < order.length; from += config.batchSize()) {
        int to = Math.min(order.length, from + config.batchSize());
        List<ScoredSequence> batch = new ArrayList<>();
        for (int k = from; k < to; k++) {
          batch.add(sequences.get(order[k]));
        }
        long began = System.nanoTime();
        float[][] perToken = scorer.logProbabilities(batch);
        modelNanos += System.nanoTime() - began;
        for (int k = from; k < to; k++) {
          float[] values = perToken[k - from];
          double sum = 0;
          for (float value : values) {
            sum += value;
          }
          requireFinite(sum, config, names.get(order[k]));
          logprobs[order[k]] = config.perToken() ? sum / values.length : sum;
          tokens += values.length;
        }
        progress.step(to - from);
      }
    }
    return new Scored(logprobs, tokens, cut, modelNanos / 1e9);
  }

  private static void requireFinite(double logprob, LogprobConfig config, String where) {
    if (!Double.isFinite(logprob)) {
      throw new IllegalStateException(
          where
              + "the model gave a non-finite log-probability"
              + (config.precision() == Precision.FLOAT32
                  ? ""
                  : " in " + config.precision().id() + "; use --dtype float32"));
    }
  }

  /** The pools with each candidate's log-probability, everything else as it was. */
  private static List<CandidatePool> withLogprobs(List<CandidatePool> pools, double[] logprobs) {
    List<CandidatePool> out = new ArrayList<>();
    int at = 0;
    for (CandidatePool pool : pools) {
      List<Candidate> candidates = new ArrayList<>();
      for (Candidate c : pool.candidates()) {
        // A log-probability is at most 0; rounding can leave a tiny positive sum, which is 0.
        double logprob = Math.min(0, logprobs[at++]);
        candidates.add(
            new Candidate(
                c.text(), c.truthful(), c.agrees(), c.kind(), OptionalDouble.of(logprob)));
      }
      out.add(
          new CandidatePool(
              pool.id(),
              pool.prompt(),
              pool.premise(),
              pool.domain(),
              pool.family(),
              candidates,
              pool.meta()));
    }
    return out;
  }

  /** The config as the manifest records it, with what the model resolved to. */
  private static Map<String, Object> manifestConfig(LogprobConfig config, CausalModelSpec spec) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("pools", config.pools().toString());
    recorded.put("model", config.model());
    recorded.put("model_type", spec.decoder().modelType());
    recorded.put("fingerprint", spec.fingerprint());
    recorded.put("tied_embeddings", spec.tiedEmbeddings());
    recorded.put("dtype", spec.precision().id());
    recorded.put("max_length", spec.maxLength());
    recorded.put("batch_size", config.batchSize());
    recorded.put("counted_tokens", COUNTED_TOKENS);
    recorded.put("ref_logprob", config.perToken() ? "mean per token" : "sum");
    return recorded;
  }
}
