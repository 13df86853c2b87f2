package org.sycolab.stage;

import ai.djl.Device;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.DeviceSpec;
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

  /** What runs an encoder's forward pass ({@code --engine}). */
  EncoderEngine engine();

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
    return standalone(device, EncoderEngine.AUTO, console);
  }

  /** {@link #standalone(Device, StageConsole)}, with encoders run by {@code engine}. */
  static StageContext standalone(Device device, EncoderEngine engine, StageConsole console) {
    BuildInfo build = BuildInfo.load();
    return new ComposedStageContext(
        console,
        build,
        (command, line, requested, dir, config, seeds, used) ->
            Execution.start(
                dir,
                new RunSpec(command, line, config, seeds, build.versions(), used, null),
                Clock.systemUTC()),
        null,
        () -> device,
        engine,
        null,
        List.of(),
        Map.of());
  }
}
