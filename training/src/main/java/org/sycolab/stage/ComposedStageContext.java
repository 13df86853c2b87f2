package org.sycolab.stage;

import ai.djl.Device;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.engine.PyTorchRuntime;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;

/**
 * A stage context made of its parts: a console, the build, a device, an encoder engine, and how
 * executions start, recorded under one name and command line (a command's), or under each stage's
 * own name with the equivalent command line of a stage a runner calls ({@link #called}). {@link
 * StageContext#standalone} and the command line both build theirs from it.
 */
public final class ComposedStageContext implements StageContext {

  /** How an execution starts: its manifest written, and kept track of by whoever ends it. */
  @FunctionalInterface
  public interface Executions {

    /**
     * Starts the execution of {@code command} in {@code dir}.
     *
     * @param requested the device asked for; null when a device was given as it is
     * @param device the device the stage computes on, as the manifest records it
     */
    Execution start(
        String command,
        List<String> commandLine,
        DeviceSpec requested,
        RunDirectory dir,
        Map<String, Object> config,
        Map<String, Long> seeds,
        String device)
        throws IOException;
  }

  private final StageConsole console;
  private final BuildInfo build;
  private final Executions executions;
  private final DeviceSpec requested;
  private final Callable<Device> device;
  private final EncoderEngine engine;
  private final String command;
  private final List<String> commandLine;
  private final Map<String, Object> recorded;

  /**
   * A context computing on {@code device}.
   *
   * @param requested the device asked for, which {@code device} resolves; null when a device was
   *     given as it is
   * @param engine what runs an encoder's forward pass
   * @param command the name executions are recorded under; null for each stage's own name
   * @param commandLine the command line they record
   * @param recorded added to each execution's config
   */
  public ComposedStageContext(
      StageConsole console,
      BuildInfo build,
      Executions executions,
      DeviceSpec requested,
      Callable<Device> device,
      EncoderEngine engine,
      String command,
      List<String> commandLine,
      Map<String, Object> recorded) {
    this.console = console;
    this.build = build;
    this.executions = executions;
    this.requested = requested;
    this.device = device;
    this.engine = engine;
    this.command = command;
    this.commandLine = List.copyOf(commandLine);
    this.recorded = Map.copyOf(recorded);
  }

  @Override
  public StageConsole console() {
    return console;
  }

  @Override
  public Device device() throws Exception {
    return device.call();
  }

  @Override
  public EncoderEngine engine() {
    return engine;
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
    return executions.start(
        command == null ? stage : command, commandLine, requested, dir, all, seeds, used);
  }

  @Override
  public StageContext called(DeviceSpec other, List<String> line, Map<String, Object> added) {
    return new ComposedStageContext(
        console,
        build,
        executions,
        other,
        () -> PyTorchRuntime.device(other),
        engine,
        null,
        line,
        added);
  }
}
