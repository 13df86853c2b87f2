package org.sycolab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One timed encoder run in this JVM, for one engine:
 *
 * <pre>
 * EncoderBench --engine sycolab|sycolab-pytorch|ort [--texts 2048] [--batch 32] [--threads 2] [--warmup 3]
 *              [--seed 1]
 * </pre>
 *
 * <p>It generates {@code --texts} probe texts with the seed, tokenises them with sycolab's
 * tokenizer, sorts them by length and cuts batches ({@link Batches}), encodes {@code --warmup}
 * batches untimed, then times encoding every batch. It prints a {@code setup} line, a {@code
 * checkpoint} line every tenth of the texts (resident memory now and at its peak) and one {@code
 * result} line of {@code key=value} fields, read by {@link EncoderComparison}.
 */
@Command(name = "EncoderBench", mixinStandardHelpOptions = true)
public final class EncoderBench implements Callable<Integer> {

  private static final int CHECKPOINTS = 10;

  @Option(
      names = "--engine",
      defaultValue = SycolabEncoder.NAME,
      description = "sycolab (the default path), sycolab-pytorch or ort (the reference)")
  String engine;

  @Option(names = "--texts", defaultValue = "2048")
  int texts;

  @Option(names = "--batch", defaultValue = "32")
  int batchSize;

  @Option(names = "--threads", defaultValue = "2")
  int threads;

  @Option(names = "--warmup", defaultValue = "3")
  int warmup;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Spec CommandSpec spec;

  @Option(names = "--shuffle", description = "Run the batches in a seeded random order.")
  boolean shuffle;

  /** Runs the benchmark; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EncoderBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    BenchArguments.positive(spec, "--texts", texts);
    BenchArguments.positive(spec, "--batch", batchSize);
    BenchArguments.positive(spec, "--threads", threads);
    PyTorchSettings.apply(threads);

    long loadStart = System.nanoTime();
    try (Encoder encoder = open(engine, threads)) {
      double loadSeconds = seconds(loadStart);
      List<TokenizedInput> inputs = new ArrayList<>(texts);
      for (PairText text : BenchTexts.generate(texts, seed)) {
        inputs.add(encoder.tokenize(text));
      }
      List<List<TokenizedInput>> batches = Batches.sortAndBucket(inputs, batchSize);
      inputs = null;
      if (shuffle) {
        // Every stretch of the run then sees short and long batches alike, so resident memory
        // must level off early unless something leaks.
        batches = new ArrayList<>(batches);
        Collections.shuffle(batches, new Random(seed));
      }
      String digest = Batches.digest(batches);
      long tokens = Batches.tokens(batches);
      System.out.printf(
          Locale.ROOT,
          "setup engine=%s runs=%s load_s=%.2f texts=%d batches=%d batch=%d threads=%d tokens=%d"
              + " padded_tokens=%d max_len=%d batches_sha=%s rss_mb=%d%n",
          engine,
          encoder.runs(),
          loadSeconds,
          texts,
          batches.size(),
          batchSize,
          threads,
          tokens,
          Batches.paddedTokens(batches),
          Batches.maxLength(batches),
          digest,
          MemoryStatus.rssMb());
      warmUp(encoder, batches, warmup);

      long start = System.nanoTime();
      int done = 0;
      int nextCheckpoint = 1;
      for (List<TokenizedInput> batch : batches) {
        float[][] vectors = encoder.encode(batch);
        if (vectors.length != batch.size()) {
          throw new IllegalStateException(vectors.length + " vectors for " + batch.size());
        }
        done += batch.size();
        int reached = (int) (done * (long) CHECKPOINTS / texts);
        if (reached >= nextCheckpoint) {
          nextCheckpoint = reached + 1;
          System.out.printf(
              Locale.ROOT,
              "checkpoint engine=%s texts=%d/%d seconds=%.2f rss_mb=%d peak_rss_mb=%d"
                  + " java_heap_mb=%d%n",
              engine,
              done,
              texts,
              seconds(start),
              MemoryStatus.rssMb(),
              MemoryStatus.peakRssMb(),
              MemoryStatus.javaHeapMb());
        }
      }
      double elapsed = seconds(start);
      System.out.printf(
          Locale.ROOT,
          "result engine=%s seqs=%d batches=%d seconds=%.3f seq_per_s=%.2f tokens=%d"
              + " tok_per_s=%.0f peak_rss_mb=%d batches_sha=%s%n",
          engine,
          done,
          batches.size(),
          elapsed,
          done / elapsed,
          tokens,
          tokens / elapsed,
          MemoryStatus.peakRssMb(),
          digest);
    }
    return 0;
  }

  private static Encoder open(String engine, int threads) throws Exception {
    return switch (engine) {
      case SycolabEncoder.NAME -> SycolabEncoder.open(EncoderEngine.AUTO);
      case SycolabEncoder.PYTORCH -> SycolabEncoder.open(EncoderEngine.PYTORCH);
      case OrtEncoder.NAME -> OrtEncoder.open(threads);
      default ->
          throw new IllegalArgumentException(
              "--engine: expected sycolab, sycolab-pytorch or ort, got '" + engine + "'");
    };
  }

  /** Encodes {@code count} batches spread over the lengths, so warm-up sees short and long. */
  private static void warmUp(Encoder encoder, List<List<TokenizedInput>> batches, long count)
      throws Exception {
    for (long i = 0; i < count; i++) {
      encoder.encode(batches.get((int) (i * batches.size() / Math.max(count, 1))));
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
