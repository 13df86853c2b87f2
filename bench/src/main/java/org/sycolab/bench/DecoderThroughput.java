package org.sycolab.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
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
import org.sycolab.backbone.decoder.DecoderConfig;
import org.sycolab.backbone.decoder.DecoderModel;
import org.sycolab.backbone.reward.ScoreHead;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Decoder throughput on this machine, in one JVM:
 *
 * <pre>
 * DecoderThroughput [--layers 24] [--batch 8] [--length 128] [--batches 4] [--warmup 1]
 *                   [--threads 2] [--dtype float32] [--device cpu] [--seed 1]
 * </pre>
 *
 * <p>A decoder of Qwen2.5-0.5B's shape (hidden 896, 14 query and 2 key/value heads of 64, SwiGLU
 * 4864, vocabulary 151,936, q/k/v biases, θ = 10⁶), with {@code --layers} of its 24 layers and
 * seeded random weights, embeds batches of random token ids whose lengths vary between half of
 * {@code --length} and all of it, right-padded, pooled at the last token as {@code sycolab embed}
 * does. It prints {@code tok_per_s} over the real tokens, the GFLOP/s the model's matrix products
 * reach, and, as the reference measured in the same run, the GFLOP/s of one plain matrix product of
 * the feed-forward layer's shape: {@code efficiency} is their ratio (1 would mean the decoder runs
 * as fast as its largest product alone).
 *
 * <p>Each pooled vector also goes through a reward model's score head as {@code sycolab score}
 * applies it (a {@link ScoreHead.Linear} in double precision, seeded random weights), timed on its
 * own: {@code score_head_share} is the head's time over the whole batch's, what scoring costs
 * beyond the forward pass (the goal: under 0.02).
 */
@Command(name = "DecoderThroughput", mixinStandardHelpOptions = true)
public final class DecoderThroughput implements Callable<Integer> {

  /** Qwen2.5-0.5B's shape, from its published config.json. */
  static DecoderConfig qwen25HalfBillion(int layers) {
    return new DecoderConfig(
        "qwen2", 151936, 896, 4864, layers, 14, 2, 64, 1e-6, 1e6, null, true, false, false, 32768);
  }

  @Mixin DecoderBenchOptions options;

  @Spec CommandSpec spec;

  /** Nanoseconds the score head took over the timed batches. */
  private long headNanos;

  /** The score head every pooled vector goes through, set once the shape is known. */
  private ScoreHead head;

  /** Runs the benchmark; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new DecoderThroughput()).execute(args));
  }

  @Override
  public Integer call() {
    Precision precision = options.check(spec, 2);
    PyTorchSettings.apply(options.threads);
    DecoderConfig config = qwen25HalfBillion(options.layers);
    BackboneOptions pooling = new BackboneOptions(Pooling.LAST, true, options.length, precision);
    Random random = new Random(options.seed);
    head = randomHead(config.hiddenSize(), random);

    try (NDManager manager = NDManager.newBaseManager(Device.fromName(options.device))) {
      long loadStart = System.nanoTime();
      DecoderModel model = new DecoderModel(config);
      long parameters = randomWeights(model, manager, precision, options.seed);
      ParameterStore store = new ParameterStore(manager, false);
      System.out.printf(
          Locale.ROOT,
          "setup model=qwen2.5-0.5b-shape layers=%d parameters=%d dtype=%s device=%s threads=%d"
              + " init_s=%.2f rss_mb=%d%n",
          options.layers,
          parameters,
          precision.id(),
          manager.getDevice(),
          options.threads,
          seconds(loadStart),
          MemoryStatus.rssMb());

      for (int i = 0; i < options.warmup; i++) {
        embed(model, store, manager, pooling, random);
      }
      long tokens = 0;
      headNanos = 0;
      long start = System.nanoTime();
      for (int i = 0; i < options.batches; i++) {
        tokens += embed(model, store, manager, pooling, random);
      }
      double elapsed = seconds(start);
      double tokensPerSecond = tokens / elapsed;
      // The products run over every position, padding included.
      long positions = (long) options.batches * options.batchSize * options.length;
      double modelGflops = positions / elapsed * flopsPerToken(config) / 1e9;
      double gemmGflops =
          gemmGflops(manager, precision, options.batchSize * options.length, config);
      System.out.printf(
          Locale.ROOT,
          "result model=qwen2.5-0.5b-shape layers=%d batch=%d length<=%d batches=%d tokens=%d"
              + " padded_tokens=%d seconds=%.3f tok_per_s=%.1f model_gflops=%.1f"
              + " gemm_gflops=%.1f efficiency=%.2f score_head_s=%.6f score_head_share=%.6f"
              + " peak_rss_mb=%d%n",
          options.layers,
          options.batchSize,
          options.length,
          options.batches,
          tokens,
          positions,
          elapsed,
          tokensPerSecond,
          modelGflops,
          gemmGflops,
          modelGflops / gemmGflops,
          headNanos / 1e9,
          headNanos / 1e9 / elapsed,
          MemoryStatus.peakRssMb());
    }
    return 0;
  }

  /** One batch of random ids embedded and pooled; returns its real tokens. */
  private long embed(
      DecoderModel model,
      ParameterStore store,
      NDManager manager,
      BackboneOptions pooling,
      Random random) {
    long[] ids = new long[options.batchSize * options.length];
    long[] mask = new long[ids.length];
    long real = 0;
    for (int row = 0; row < options.batchSize; row++) {
      int rowLength = options.length / 2 + random.nextInt(options.length - options.length / 2 + 1);
      for (int t = 0; t < rowLength; t++) {
        ids[row * options.length + t] = random.nextInt(model.config().vocabSize());
        mask[row * options.length + t] = 1;
      }
      real += rowLength;
    }
    try (NDManager scope = manager.newSubManager()) {
      Shape shape = new Shape(options.batchSize, options.length);
      NDList inputs = new NDList(scope.create(ids, shape), scope.create(mask, shape));
      NDArray hidden = model.forward(store, inputs, false).singletonOrThrow();
      float[][] vectors = Pooler.pool(hidden, inputs.get(1), pooling);
      long headStart = System.nanoTime();
      double rewards = 0;
      for (float[] vector : vectors) {
        rewards += head.reward(vector);
      }
      headNanos += System.nanoTime() - headStart;
      if (vectors.length != options.batchSize || !Double.isFinite(rewards)) {
        throw new IllegalStateException("the decoder gave no finite vectors");
      }
    }
    return real;
  }

  /** A one-output score head of N(0, 0.02²) weights and no bias, as decoders' heads have. */
  private static ScoreHead randomHead(int hidden, Random random) {
    double[] weight = new double[hidden];
    for (int i = 0; i < hidden; i++) {
      weight[i] = 0.02 * random.nextGaussian();
    }
    return new ScoreHead.Linear(weight, 0);
  }

  /** Sets every parameter to seeded N(0, 0.02²) values (norm weights to 1); returns the count. */
  static long randomWeights(NamedBlock model, NDManager manager, Precision precision, long seed) {
    Map<String, NamedBlock.Slot> slots = new LinkedHashMap<>();
    model.collectTensors("", slots);
    manager.getEngine().setRandomSeed((int) seed);
    long count = 0;
    for (Map.Entry<String, NamedBlock.Slot> entry : slots.entrySet()) {
      Shape shape = entry.getValue().shape();
      NDArray values =
          entry.getKey().endsWith("norm.weight")
              ? manager.ones(shape)
              : manager.randomNormal(0f, 0.02f, shape, DataType.FLOAT32);
      entry.getValue().parameter().setArray(values.toType(precision.dataType(), false));
      count += shape.size();
    }
    return count;
  }

  /**
   * Multiply-adds per token of the projections and attention, times two: the embedding lookup costs
   * nothing and attention is counted at the longest length.
   */
  private double flopsPerToken(DecoderConfig c) {
    long q = (long) c.heads() * c.headSize();
    long kv = (long) c.kvHeads() * c.headSize();
    long h = c.hiddenSize();
    long projections = h * q + 2 * h * kv + q * h + 3 * h * c.intermediateSize();
    long attention = 2L * q * options.length;
    return 2.0 * c.layers() * (projections + attention);
  }

  /** GFLOP/s of one (tokens × H)·(H × I) product, the feed-forward layer's largest, median of 5. */
  private static double gemmGflops(
      NDManager manager, Precision precision, int tokens, DecoderConfig c) {
    try (NDManager scope = manager.newSubManager()) {
      DataType type = precision.dataType();
      NDArray a = scope.randomNormal(new Shape(tokens, c.hiddenSize())).toType(type, false);
      NDArray b =
          scope.randomNormal(new Shape(c.hiddenSize(), c.intermediateSize())).toType(type, false);
      a.matMul(b).close();
      double[] times = new double[5];
      for (int i = 0; i < times.length; i++) {
        long start = System.nanoTime();
        try (NDArray product = a.matMul(b);
            NDArray corner = product.get(0, 0).toType(DataType.FLOAT32, false)) {
          // Reading one value waits for the product on an asynchronous device.
          corner.getFloat();
        }
        times[i] = seconds(start);
      }
      Arrays.sort(times);
      return 2.0 * tokens * c.hiddenSize() * c.intermediateSize() / times[2] / 1e9;
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
