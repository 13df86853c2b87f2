package org.sycolab.cli;

import ai.djl.Device;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.engine.PyTorchRuntime;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.stage.StageConsole;
import org.sycolab.stage.StageContext;

/**
 * What a stage called by a command gets: the command's console, a device, and executions that the
 * command starts (so it marks them failed or interrupted), recorded under the command's name and
 * command line, or, for a stage a runner calls, under the stage's name with its equivalent command
 * line.
 */
final class CommandStageContext implements StageContext {

  /** How the command starts a recorded execution, and keeps track of it. */
  @FunctionalInterface
  interface Executions {
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
  private final String command;
  private final List<String> commandLine;
  private final Map<String, Object> recorded;

  /**
   * A context computing on {@code requested} ({@code device} resolves it).
   *
   * @param command the name executions are recorded under; null for each stage's own name
   * @param commandLine the command line they record
   * @param recorded added to each execution's config
   */
  CommandStageContext(
      StageConsole console,
      BuildInfo build,
      Executions executions,
      DeviceSpec requested,
      Callable<Device> device,
      String command,
      List<String> commandLine,
      Map<String, Object> recorded) {
    this.console = console;
    this.build = build;
    this.executions = executions;
    this.requested = requested;
    this.device = device;
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
    return new CommandStageContext(
        console, build, executions, other, () -> PyTorchRuntime.device(other), null, line, added);
  }
}
