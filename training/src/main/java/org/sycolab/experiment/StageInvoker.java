package org.sycolab.experiment;

import org.sycolab.stage.StageContext;
import org.sycolab.stage.StageOutcome;

/**
 * Carries out one stage of an experiment: {@link #STAGES}, the stage classes of {@code
 * org.sycolab.stage}, or a stand-in a test passes.
 */
@FunctionalInterface
public interface StageInvoker {

  /** The stage classes: each stage's config goes to its stage, in this process. */
  StageInvoker STAGES = (stage, context) -> StageCalls.run(stage.config(), context);

  /**
   * Runs the stage.
   *
   * @param context reports, computes on the run's device, and records the stage's execution with
   *     its config and equivalent command line
   * @return what it produced; a stage that found its input wanting says so ({@link
   *     StageOutcome#succeeded}) rather than throwing
   */
  StageOutcome run(Stage stage, StageContext context) throws Exception;
}
