package org.sycolab.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.NamedBlock;
import org.sycolab.backbone.Pooler;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.decoder.CausalLanguageModel;
import org.sycolab.backbone.decoder.DecoderConfig;
import org.sycolab.backbone.decoder.DecoderModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Log-prob scoring throughput on this machine, in one JVM:
 *
 * <pre>
 * LogprobThroughput [--layers 24] [--batch 8] [--length 128] [--batches 4] [--warmup 1]
 *                   [--threads 2] [--dtype float32] [--device cpu] [--seed 1]
 * </pre>
 *
 * <p>{@link DecoderThroughput}'s Qwen2.5-0.5B-shaped decoder, with its tied output head (as
 * Qwen2.5-0.5B ties it), scores batches of random ids as {@code sycolab logprob} does: the second
 * half of each row is the response, whose tokens' log-probabilities are computed, the vocabulary
 * projected at those positions only. Each batch also runs through the same decoder without the
 * head, pooled at the last token as {@code sycolab embed} does, alternating, so {@code
 * head_overhead} is what the output head costs over the forward pass on the same batches. It prints
 * {@code tok_per_s} (every real token read) and {@code scored_tok_per_s} (the response tokens whose
 * log-probability is computed).
 */
@Command(name = "LogprobThroughput", mixinStandardHelpOptions = true)
public final class LogprobThroughput implements Callable<Integer> {

  @Mixin DecoderBenchOptions options;

  @Spec CommandSpec spec;

  /** Runs the benchmark; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LogprobThroughput()).execute(args));
  }

  /** One batch: ids and mask (rows × length), the positions that predict counted tokens, those. */
  private record Batch(long[] ids, long[] mask, long[] positions, long[] targets, long real) {}

  @Override
  public Integer call() {
    Precision precision = options.check(spec, 4);
    PyTorchSettings.apply(options.threads);
    DecoderConfig config = DecoderThroughput.qwen25HalfBillion(options.layers);
    Random random = new Random(options.seed);
    try (NDManager manager = NDManager.newBaseManager(Device.fromName(options.device))) {
      CausalLanguageModel scorer = new CausalLanguageModel(config, true);
      long parameters = DecoderThroughput.randomWeights(scorer, manager, precision, options.seed);
      DecoderModel embedder = new DecoderModel(config);
      share(scorer, embedder);
      ParameterStore store = new ParameterStore(manager, false);
      System.out.printf(
          Locale.ROOT,
          "setup model=qwen2.5-0.5b-shape layers=%d parameters=%d tied_head=true dtype=%s"
              + " device=%s threads=%d rss_mb=%d%n",
          options.layers,
          parameters,
          precision.id(),
          manager.getDevice(),
          options.threads,
          MemoryStatus.rssMb());
      BackboneOptions pooling = new BackboneOptions(Pooling.LAST, false, options.length, precision);
      for (int i = 0; i < options.warmup; i++) {
        Batch batch = batch(random, config.vocabSize());
        score(scorer, store, manager, batch);
        embed(embedder, store, manager, batch, pooling);
      }
      long real = 0;
      long scored = 0;
      long scoreNanos = 0;
      long embedNanos = 0;
      for (int i = 0; i < options.batches; i++) {
        Batch batch = batch(random, config.vocabSize());
        long start = System.nanoTime();
        score(scorer, store, manager, batch);
        scoreNanos += System.nanoTime() - start;
        start = System.nanoTime();
        embed(embedder, store, manager, batch, pooling);
        embedNanos += System.nanoTime() - start;
        real += batch.real();
        scored += batch.targets().length;
      }
      System.out.printf(
          Locale.ROOT,
          "result model=qwen2.5-0.5b-shape layers=%d batch=%d length<=%d batches=%d tokens=%d"
              + " scored_tokens=%d logprob_seconds=%.3f tok_per_s=%.1f scored_tok_per_s=%.1f"
              + " embed_seconds=%.3f embed_tok_per_s=%.1f head_overhead=%.3f peak_rss_mb=%d%n",
          options.layers,
          options.batchSize,
          options.length,
          options.batches,
          real,
          scored,
          scoreNanos / 1e9,
          real / (scoreNanos / 1e9),
          scored / (scoreNanos / 1e9),
          embedNanos / 1e9,
          real / (embedNanos / 1e9),
          (double) scoreNanos / embedNanos - 1,
          MemoryStatus.peakRssMb());
    }
    return 0;
  }

  /** Points the plain decoder's parameters at the scorer's decoder arrays, so both share them. */
  private static void share(NamedBlock scorer, DecoderModel embedder) {
    Map<String, NamedBlock.Slot> withHead = new LinkedHashMap<>();
    scorer.collectTensors("", withHead);
    Map<String, NamedBlock.Slot> plain = new LinkedHashMap<>();
    embedder.collectTensors("", plain);
    plain.forEach(
        (name, slot) ->
            slot.parameter().setArray(withHead.get("model." + name).parameter().getArray()));
  }

  /**
   * Random ids of lengths between half of {@code --length} and all of it, right-padded; the second
   * half of each row is the response, each of its tokens predicted by the state before it.
   */
  private Batch batch(Random random, int vocabulary) {
    long[] ids = new long[options.batchSize * options.length];
    long[] mask = new long[ids.length];
    int[] lengths = new int[options.batchSize];
    int counted = 0;
    for (int row = 0; row < options.batchSize; row++) {
      lengths[row] = options.length / 2 + random.nextInt(options.length - options.length / 2 + 1);
      counted += lengths[row] - lengths[row] / 2;
      for (int t = 0; t < lengths[row]; t++) {
        ids[row * options.length + t] = random.nextInt(vocabulary);
        mask[row * options.length + t] = 1;
      }
    }
    long[] positions = new long[counted];
    long[] targets = new long[counted];
    int at = 0;
    long real = 0;
    for (int row = 0; row < options.batchSize; row++) {
      for (int t = lengths[row] / 2; t < lengths[row]; t++) {
        positions[at] = (long) row * options.length + t - 1;
        targets[at] = ids[row * options.length + t];
        at++;
      }
      real += lengths[row];
    }
    return new Batch(ids, mask, positions, targets, real);
  }

  private void score(
      CausalLanguageModel model, ParameterStore store, NDManager manager, Batch batch) {
    try (NDManager scope = manager.newSubManager()) {
      Shape shape = new Shape(options.batchSize, options.length);
      NDList inputs =
          new NDList(
              scope.create(batch.ids(), shape),
              scope.create(batch.mask(), shape),
              scope.create(batch.positions()),
              scope.create(batch.targets()));
      float[] logProbabilities =
          model.forward(store, inputs, false).singletonOrThrow().toFloatArray();
      if (logProbabilities.length != batch.targets().length
          || !Float.isFinite(logProbabilities[0])) {
        throw new IllegalStateException("the model gave no finite log-probabilities");
      }
    }
  }

  private void embed(
      DecoderModel model,
      ParameterStore store,
      NDManager manager,
      Batch batch,
      BackboneOptions pooling) {
    try (NDManager scope = manager.newSubManager()) {
      Shape shape = new Shape(options.batchSize, options.length);
      NDList inputs =
          new NDList(scope.create(batch.ids(), shape), scope.create(batch.mask(), shape));
      NDArray hidden = model.forward(store, inputs, false).singletonOrThrow();
      float[][] vectors = Pooler.pool(hidden, inputs.get(1), pooling);
      if (!Float.isFinite(vectors[0][0])) {
        throw new IllegalStateException("the decoder gave no finite vectors");
      }
    }
  }
}
