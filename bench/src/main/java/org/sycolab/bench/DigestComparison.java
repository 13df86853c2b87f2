package org.sycolab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.backbone.WeightDigests;
import org.sycolab.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code digest} part of {@code scripts/bench}: what a command pays to describe a large model
 * before its first batch, with and without the weight digests of an earlier command.
 *
 * <pre>
 * DigestComparison [--weights-mb 1024] [--runs 3] [--dir DIR] [--seed 1]
 * </pre>
 *
 * <p>Writes a decoder-shaped model directory ({@link DecoderShapedModel}) with {@code --weights-mb}
 * MiB of weights into a fresh directory under {@code --dir} (the system's temporary directory by
 * default), waits until the weights are old enough for their digest to be kept ({@link
 * WeightDigests#SETTLED}), and lets one command ({@link DescribeBench}, a fresh JVM) describe it
 * with a cache, as a first command would. Then runs alternate: {@code without}, a fresh JVM with an
 * empty cache (it hashes every weight byte, as every command did before digests were kept), and
 * {@code with}, a fresh JVM with the first command's cache. Prints each one's median describe time,
 * the median of a second describe in the same JVM, and {@code ratio <without/with>}. The weights
 * stay in the page cache throughout, so {@code without} is bound by hashing, not by the disk; from
 * a cold disk it only takes longer. Everything written is deleted at the end.
 */
@Command(name = "DigestComparison", mixinStandardHelpOptions = true)
public final class DigestComparison implements Callable<Integer> {

  private static final String WITHOUT = "without";
  private static final String WITH = "with";

  @Option(names = "--weights-mb", defaultValue = "1024")
  long weightsMb;

  @Option(names = "--runs", defaultValue = "3")
  int runs;

  @Option(names = "--dir", description = "Where the model and caches are written.")
  Path dir;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Spec CommandSpec spec;

  /** Runs the comparison; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new DigestComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    BenchArguments.positive(spec, "--weights-mb", weightsMb);
    BenchArguments.positive(spec, "--runs", runs);
    PrintStream out = System.out;
    Path parent = dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir;
    Files.createDirectories(parent);
    Path work = Files.createTempDirectory(parent, "sycolab-digest-bench-");
    try {
      Path model = work.resolve("model");
      long start = System.nanoTime();
      DecoderShapedModel.write(model, weightsMb << 20, seed);
      out.printf(
          Locale.ROOT,
          "digest: decoder-shaped model with %d MiB of weights written to %s in %.1f s%n",
          weightsMb,
          model,
          (System.nanoTime() - start) / 1e9);
      Thread.sleep(WeightDigests.SETTLED.toMillis() + 500);

      Path warm = work.resolve("cache-with");
      out.println("first command (keeps the digests in its cache):");
      ChildResult first = describe(model, warm, out);
      Map<String, List<ChildResult>> results =
          ChildProcess.alternate(
              List.of(WITHOUT, WITH),
              runs,
              out,
              (engine, round) ->
                  describe(
                      model,
                      engine.equals(WITH) ? warm : work.resolve("cache-without-" + round),
                      out));
      String fingerprint = first.fields().get("fingerprint");
      results.values().stream()
          .flatMap(List::stream)
          .filter(r -> !fingerprint.equals(r.fields().get("fingerprint")))
          .findFirst()
          .ifPresent(
              r -> {
                throw new IllegalStateException("fingerprints differ: " + r + " and " + first);
              });

      double without = median(results.get(WITHOUT), "first_s");
      double with = median(results.get(WITH), "first_s");
      out.printf(
          Locale.ROOT,
          "digest second command's describe: without cache %.3f s, with cache %.3f s"
              + " (medians of %d); a second describe in the same JVM: %.3f s, %.3f s%n",
          without,
          with,
          runs,
          median(results.get(WITHOUT), "again_s"),
          median(results.get(WITH), "again_s"));
      out.printf(Locale.ROOT, "ratio %.1f%n", without / with);
      return 0;
    } finally {
      AtomicFiles.deleteTree(work);
    }
  }

  private static ChildResult describe(Path model, Path cache, PrintStream out)
      throws IOException, InterruptedException {
    return ChildProcess.run(
        DescribeBench.class,
        List.of("--model", model.toString(), "--cache", cache.toString()),
        out);
  }

  private static double median(List<ChildResult> results, String field) {
    return Median.of(results, r -> Double.parseDouble(r.fields().get(field)));
  }
}
