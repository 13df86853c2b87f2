package org.sycolab.stage;

import ai.djl.Device;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.engine.PyTorchRuntime;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunSpec;

/**
 * What a stage gets from whoever calls it: where it reports, the device it computes on, and how its
 * execution is recorded in a manifest. The command line passes its global options and command line
 * through it; code uses {@link #standalone}.
 */
public interface StageContext {

  /** Where the stage says what it does. */
  StageConsole console();

  /** The device to compute on, resolved (and checked) when a stage first needs it. */
  Device device() throws Exception;

  /** The build, for the versions a manifest and a head's card record. */
  BuildInfo build();

  /**
   * Starts the recorded execution of {@code stage} ({@code train}, …) in {@code dir}: writes its
   * manifest with {@code config}, {@code seeds} and {@code device}. A caller that ends executions
   * (the command line does, on failure and on Ctrl-C) keeps track of it.
   */
  Execution start(
      String stage,
      RunDirectory dir,
      Map<String, Object> config,
      Map<String, Long> seeds,
      String device)
      throws IOException;

  /**
   * This context for a stage that a runner calls for a run: it computes on {@code device} (resolved
   * when the stage first needs it) and records each execution under the stage's name with {@code
   * commandLine}, the equivalent {@code sycolab} command line, and {@code recorded} added to its
   * config.
   */
  StageContext called(DeviceSpec device, List<String> commandLine, Map<String, Object> recorded);

  /**
   * A context for code and notebooks: {@code device}, {@code console}, and manifests that name the
   * stage ({@code train}, …) as their command, with no command line.
   */
  static StageContext standalone(Device device, StageConsole console) {
    return standalone(() -> device, console, List.of(), Map.of(), BuildInfo.load());
  }

  private static StageContext standalone(
      Callable<Device> device,
      StageConsole console,
      List<String> commandLine,
      Map<String, Object> recorded,
      BuildInfo build) {
    return new StageContext() {
      @Override
      public StageConsole console() {
        return console;
      }

      @Override
      public Device device() throws Exception {
        return device.call();
      }

      @Override
      public BuildInfo build() {
        return build;
      }

      @Override
      public Execution start(
          String stage,
          RunDirectory dir,
          Map<String, Object> config,
          Map<String, Long> seeds,
          String used)
          throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(config);
        all.putAll(recorded);
        RunSpec spec = new RunSpec(stage, commandLine, all, seeds, build.versions(), used, null);
        return Execution.start(dir, spec, Clock.systemUTC());
      }

      @Override
      public StageContext called(
          DeviceSpec requested, List<String> line, Map<String, Object> added) {
        return standalone(() -> PyTorchRuntime.device(requested), console, line, added, build);
      }
    };
  }
}
