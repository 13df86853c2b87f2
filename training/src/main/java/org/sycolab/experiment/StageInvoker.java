package org.sycolab.experiment;

import java.util.List;

/**
 * Runs one stage of an experiment from its command line ({@code --device cpu train --pairs …}) and
 * returns its exit status. The command line runs each in its own process's {@code sycolab}; a
 * caller that runs the stages in code passes its own.
 */
@FunctionalInterface
public interface StageInvoker {

  /** The exit status of a stage that succeeded. */
  int OK = 0;

  /**
   * Runs the stage.
   *
   * @param commandLine the global options each stage gets, then the stage's own arguments
   * @return its exit status, {@link #OK} when it succeeded
   */
  int run(List<String> commandLine) throws Exception;
}
