package org.sycolab.experiment;

import java.util.List;

/**
 * What a run of an experiment ended with.
 *
 * @param succeeded false when a stage found its input wanting (a dataset with problems) and the run
 *     stopped there; a stage that fails throws {@link StageFailedException} instead
 * @param lines what became of the run (complete, stopped after a stage, nothing to do, or the
 *     stages of a dry run), for the caller to show
 */
public record RunnerResult(boolean succeeded, List<String> lines) {

  /** Copies the lines. */
  public RunnerResult {
    lines = List.copyOf(lines);
  }

  /** A run that went as asked, saying so in {@code lines}. */
  static RunnerResult ok(String... lines) {
    return new RunnerResult(true, List.of(lines));
  }
}
