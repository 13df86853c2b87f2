package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.report.ReportWriter;
import org.sycolab.report.TestRuns;

class ReportStageTest {

  @TempDir Path tmp;

  @Test
  void writesBothReportsFromCodeAndSaysWhere() throws Exception {
    Path run = TestRuns.full(tmp.resolve("run"));
    ReportOutcome outcome = new ReportStage().run(new ReportConfig(run));
    assertThat(outcome.html()).isEqualTo(run.resolve(ReportWriter.HTML));
    assertThat(outcome.markdown()).isEqualTo(run.resolve(ReportWriter.MARKDOWN));
    assertThat(outcome.plots()).isEqualTo(run.resolve(ReportWriter.PLOTS));
    assertThat(outcome.html()).content().contains("<h2>Headline</h2>");
    assertThat(outcome.markdown()).content().contains("](plots/truth-vs-lambda.png)");
    assertThat(outcome.plots().resolve("menu.png")).isNotEmptyFile();
    assertThat(outcome.report()).isNotNull();
    String nl = System.lineSeparator();
    assertThat(Printed.of(outcome))
        .isEqualTo(
            "wrote "
                + run.resolve(ReportWriter.HTML)
                + nl
                + "wrote "
                + run.resolve(ReportWriter.MARKDOWN)
                + " (plots in "
                + run.resolve(ReportWriter.PLOTS)
                + ")"
                + nl);
  }

  @Test
  void aDirectoryWithoutPullIsRefused() {
    assertThatThrownBy(() -> new ReportStage().run(new ReportConfig(tmp)))
        .hasMessageContaining(tmp.resolve("pull") + ": no such directory");
  }
}
