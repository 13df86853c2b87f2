package org.sycolab.experiment;

import java.util.List;

/**
 * What a run of an experiment ended with.
 *
 * @param status the exit status: {@link StageInvoker#OK}, or that of the stage that failed
 * @param lines what became of the run (complete, stopped after a stage, nothing to do, or the
 *     stages of a dry run), for the caller to show
 */
public record RunnerResult(int status, List<String> lines) {

  public RunnerResult {
    lines = List.copyOf(lines);
  }

  /** A run that went as asked, saying so in {@code lines}. */
  static RunnerResult ok(String... lines) {
    return new RunnerResult(StageInvoker.OK, List.of(lines));
  }
}
