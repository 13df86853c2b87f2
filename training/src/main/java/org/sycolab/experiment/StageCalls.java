package org.sycolab.experiment;

import org.sycolab.stage.DiagnoseConfig;
import org.sycolab.stage.DiagnoseStage;
import org.sycolab.stage.EmbedConfig;
import org.sycolab.stage.EmbedStage;
import org.sycolab.stage.GenerateConfig;
import org.sycolab.stage.GenerateStage;
import org.sycolab.stage.PullConfig;
import org.sycolab.stage.PullStage;
import org.sycolab.stage.ReportConfig;
import org.sycolab.stage.ReportStage;
import org.sycolab.stage.ScoreConfig;
import org.sycolab.stage.ScoreStage;
import org.sycolab.stage.StageContext;
import org.sycolab.stage.StageOutcome;
import org.sycolab.stage.TrainConfig;
import org.sycolab.stage.TrainStage;
import org.sycolab.stage.ValidateConfig;
import org.sycolab.stage.ValidateStage;

/** Sends each kind of stage config to the stage class that carries it out. */
final class StageCalls {

  private StageCalls() {}

  /** Runs the stage {@code config} is for, through {@code context}. */
  static StageOutcome run(Record config, StageContext context) throws Exception {
    if (config instanceof GenerateConfig generate) {
      return new GenerateStage(context).run(generate);
    }
    if (config instanceof ValidateConfig validate) {
      return new ValidateStage(context).run(validate);
    }
    if (config instanceof EmbedConfig embed) {
      return new EmbedStage(context).run(embed);
    }
    if (config instanceof TrainConfig train) {
      return new TrainStage(context).run(train);
    }
    if (config instanceof DiagnoseConfig diagnose) {
      return new DiagnoseStage(context).run(diagnose);
    }
    if (config instanceof PullConfig pull) {
      return new PullStage(context).run(pull);
    }
    if (config instanceof ScoreConfig score) {
      return new ScoreStage(context).run(score);
    }
    if (config instanceof ReportConfig report) {
      return new ReportStage().run(report);
    }
    throw new IllegalArgumentException("no stage runs " + config.getClass().getSimpleName());
  }
}
