package org.sycolab.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One command's start, in its own JVM: describes a model (what every command naming it does before
 * its first batch) twice, and prints {@code result first_s=<s> again_s=<s> fingerprint=<hex>}: the
 * first describe in the process and the second in the same process.
 *
 * <pre>
 * DescribeBench --model DIR --cache DIR
 * </pre>
 */
@Command(name = "DescribeBench", mixinStandardHelpOptions = true)
public final class DescribeBench implements Callable<Integer> {

  @Option(names = "--model", required = true)
  Path model;

  @Option(names = "--cache", required = true, description = "The cache root (digests/ in it).")
  Path cache;

  /** Runs the benchmark; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new DescribeBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    BackboneSpec first = Backbones.describe(model.toString(), BackboneOptions.DEFAULTS, cache);
    long middle = System.nanoTime();
    BackboneSpec again = Backbones.describe(model.toString(), BackboneOptions.DEFAULTS, cache);
    long end = System.nanoTime();
    if (!again.fingerprint().equals(first.fingerprint())) {
      throw new IllegalStateException("the second describe gave another fingerprint");
    }
    System.out.printf(
        Locale.ROOT,
        "result first_s=%.3f again_s=%.3f fingerprint=%s%n",
        (middle - start) / 1e9,
        (end - middle) / 1e9,
        first.fingerprint());
    return 0;
  }
}
