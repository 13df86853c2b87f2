package org.sycolab.run;

import java.util.List;
import java.util.Map;

/**
 * What a command tells its run before it starts: the parts of the manifest known up front.
 *
 * @param command the sycolab subcommand
 * @param commandLine the arguments as given
 * @param config the effective configuration, defaults included (values must not be null)
 * @param seeds every seed the run uses, by purpose
 * @param versions sycolab, DJL, PyTorch, Java and OS versions
 * @param device the device the run computes on
 * @param git the source checkout's commit, or null when unknown
 */
public record RunSpec(
    String command,
    List<String> commandLine,
    Map<String, Object> config,
    Map<String, Long> seeds,
    Map<String, String> versions,
    String device,
    GitState git) {

  /** Copies the collections. */
  public RunSpec {
    commandLine = List.copyOf(commandLine);
    config = Map.copyOf(config);
    seeds = Map.copyOf(seeds);
    versions = Map.copyOf(versions);
  }
}
