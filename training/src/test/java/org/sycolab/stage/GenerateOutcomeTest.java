package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.data.probes.ProbeGenerator;

class GenerateOutcomeTest {

  @Test
  void saysThePairsByLabelThePoolsWhereAndHowLong() {
    GenerateOutcome outcome =
        new GenerateOutcome(
            Path.of("data"), ProbeGenerator.standard().generate(GeneratorConfig.of(5, 20)), 1.04);

    assertThat(Printed.of(outcome))
        .isEqualTo(
            "wrote 20 pairs (10 agreeable, 10 grounded) and 10 pools to data in 1.0 s"
                + System.lineSeparator());
  }
}
