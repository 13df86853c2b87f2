package org.sycolab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts one benchmark process ({@link EncoderBench}, {@link HeadTrainingBench}, {@link PullBench})
 * in a fresh JVM with this JVM's classpath, echoes its output indented and returns its result line.
 */
final class ChildProcess {

  /** JVM options of every child unless {@code SYCOLAB_BENCH_CHILD_OPTS} replaces them. */
  static final String DEFAULT_JVM_OPTS = "-Xmx1g";

  private ChildProcess() {}

  /**
   * Runs one engine.
   *
   * @param main the benchmark's main class (it sets up PyTorch itself: {@link PyTorchSettings})
   * @param benchArgs the arguments of {@code main}
   */
  static ChildResult run(Class<?> main, List<String> benchArgs, PrintStream out)
      throws IOException, InterruptedException {
    return run(main, List.of(), benchArgs, out);
  }

  /**
   * Runs one engine with more JVM options after the common ones.
   *
   * @param jvmOptions e.g. {@code -XX:ActiveProcessorCount=2}
   */
  static ChildResult run(
      Class<?> main, List<String> jvmOptions, List<String> benchArgs, PrintStream out)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv("SYCOLAB_BENCH_CHILD_OPTS");
    for (String opt : (opts == null ? DEFAULT_JVM_OPTS : opts).trim().split("\\s+")) {
      if (!opt.isEmpty()) {
        command.add(opt);
      }
    }
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(benchArgs);

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ChildResult result = null;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        out.println("  " + line);
        out.flush();
        if (line.startsWith(ChildResult.PREFIX)) {
          result = ChildResult.parse(line);
        }
      }
    }
    int status = process.waitFor();
    if (status != 0 || result == null) {
      throw new IllegalStateException(
          "the benchmark process failed (exit status "
              + status
              + "): "
              + String.join(" ", benchArgs));
    }
    return result;
  }

  /** Starts one engine's process for a round. */
  @FunctionalInterface
  interface Launch {
    ChildResult run(String engine, int round) throws IOException, InterruptedException;
  }

  /**
   * Runs {@code runs} rounds, each engine once per round in the order given, so that slow phases of
   * a shared machine fall on every engine alike; announces each run.
   *
   * @return each engine's results, in run order
   */
  static Map<String, List<ChildResult>> alternate(
      List<String> engines, int runs, PrintStream out, Launch launch)
      throws IOException, InterruptedException {
    Map<String, List<ChildResult>> results = new LinkedHashMap<>();
    engines.forEach(engine -> results.put(engine, new ArrayList<>()));
    int run = 0;
    for (int round = 0; round < runs; round++) {
      for (String engine : engines) {
        out.printf(Locale.ROOT, "run %d/%d: %s%n", ++run, runs * engines.size(), engine);
        results.get(engine).add(launch.run(engine, round));
      }
    }
    return results;
  }
}
