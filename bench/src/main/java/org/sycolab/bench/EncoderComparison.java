package org.sycolab.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code encoder} part of {@code scripts/bench}: sycolab's MiniLM encoder against ONNX Runtime
 * on the same batches, then sycolab's peak memory over a long run.
 *
 * <pre>
 * EncoderComparison [--texts 2048] [--runs 2] [--memory-texts 50000] [--batch 32] [--threads 2]
 *                   [--warmup 3] [--seed 1]
 * </pre>
 *
 * <p>Three engines run the same batches: ONNX Runtime as a researcher would run the model's ONNX
 * file ({@code ort}, the reference), sycolab's default path ({@code sycolab}: {@code --engine
 * auto}, ONNX Runtime on sycolab's fused graph on the CPU) and sycolab's PyTorch blocks ({@code
 * sycolab-pytorch}: {@code --engine pytorch}, the CUDA path, here on the CPU). Timed runs alternate
 * engines, each in a fresh JVM that sees {@code --threads} processors (ort, sycolab,
 * sycolab-pytorch, ort, ...), so that drift on a noisy machine hits all; each engine's throughput
 * is the median of its runs. It prints each engine's seq/s, then {@code ratio <sycolab/ort>}: at or
 * above 1 the default path is as fast as the reference, and {@code pytorch_ratio
 * <sycolab-pytorch/ort>}. {@code --memory-texts 0} skips the memory run, which otherwise ends with
 * {@code peak_rss_mb <n>}.
 */
@Command(name = "EncoderComparison", mixinStandardHelpOptions = true)
public final class EncoderComparison implements Callable<Integer> {

  private static final List<String> ENGINES =
      List.of(OrtEncoder.NAME, SycolabEncoder.NAME, SycolabEncoder.PYTORCH);

  @Option(names = "--texts", defaultValue = "2048")
  int texts;

  @Option(names = "--runs", defaultValue = "2")
  int runs;

  @Option(names = "--memory-texts", defaultValue = "50000")
  int memoryTexts;

  @Option(names = "--batch", defaultValue = "32")
  int batch;

  @Option(names = "--threads", defaultValue = "2")
  int threads;

  @Option(names = "--warmup", defaultValue = "3")
  int warmup;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Spec CommandSpec spec;

  /** Runs the comparison; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EncoderComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    BenchArguments.positive(spec, "--texts", texts);
    BenchArguments.positive(spec, "--runs", runs);
    BenchArguments.positive(spec, "--batch", batch);
    BenchArguments.positive(spec, "--threads", threads);
    PrintStream out = System.out;
    // Convert the built-in model into the cache now, so no child pays for it.
    BenchModel.directory();

    out.printf(
        Locale.ROOT,
        "encoder: %s, %d texts (probe seed %d), batches of %d sorted by length, %d threads,"
            + " %d warm-up batches, %d runs per engine%n",
        BenchModel.REFERENCE,
        texts,
        seed,
        batch,
        threads,
        warmup,
        runs);
    Map<String, List<ChildResult>> results =
        ChildProcess.alternate(
            ENGINES,
            runs,
            out,
            (engine, round) ->
                ChildProcess.run(
                    EncoderBench.class,
                    processors(threads),
                    args(engine, texts, batch, threads, warmup, seed),
                    out));
    List<ChildResult> ort = results.get(OrtEncoder.NAME);
    List<ChildResult> sycolab = results.get(SycolabEncoder.NAME);
    List<ChildResult> pytorch = results.get(SycolabEncoder.PYTORCH);
    Set<String> digests = new HashSet<>();
    results.values().forEach(list -> list.forEach(r -> digests.add(r.batchesDigest())));
    if (digests.size() != 1) {
      throw new IllegalStateException("the runs did not all see the same batches: " + digests);
    }
    double sycolabRate = Median.of(sycolab, ChildResult::seqPerSecond);
    double ortRate = Median.of(ort, ChildResult::seqPerSecond);
    double pytorchRate = Median.of(pytorch, ChildResult::seqPerSecond);
    out.printf(
        Locale.ROOT,
        "encoder peak rss: sycolab %.0f MB, sycolab-pytorch %.0f MB, ort %.0f MB (medians)%n",
        Median.of(sycolab, ChildResult::peakRssMb),
        Median.of(pytorch, ChildResult::peakRssMb),
        Median.of(ort, ChildResult::peakRssMb));
    out.printf(
        Locale.ROOT,
        "encoder sycolab %.1f seq/s, sycolab-pytorch %.1f seq/s, ort %.1f seq/s%n",
        sycolabRate,
        pytorchRate,
        ortRate);
    out.printf(Locale.ROOT, "ratio %.2f%n", sycolabRate / ortRate);
    out.printf(Locale.ROOT, "pytorch_ratio %.2f%n", pytorchRate / ortRate);

    if (memoryTexts > 0) {
      int count = memoryTexts;
      out.printf(
          Locale.ROOT,
          "memory: %s engine over %d texts, batches in shuffled order%n",
          SycolabEncoder.NAME,
          count);
      List<String> memoryArgs =
          new ArrayList<>(args(SycolabEncoder.NAME, count, batch, threads, 1, seed));
      memoryArgs.add("--shuffle");
      ChildResult result =
          ChildProcess.run(EncoderBench.class, processors(threads), memoryArgs, out);
      out.printf(Locale.ROOT, "peak_rss_mb %d%n", result.peakRssMb());
    }
    return 0;
  }

  /** JVM options that make a child see {@code threads} processors, as sycolab sizes its pools. */
  private static List<String> processors(int threads) {
    return List.of("-XX:ActiveProcessorCount=" + threads);
  }

  private static List<String> args(
      String engine, int texts, int batch, int threads, int warmup, long seed) {
    return List.of(
        "--engine",
        engine,
        "--texts",
        Integer.toString(texts),
        "--batch",
        Integer.toString(batch),
        "--threads",
        Integer.toString(threads),
        "--warmup",
        Integer.toString(warmup),
        "--seed",
        Long.toString(seed));
  }
}
