package org.sycolab.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.Datasets;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;
import org.sycolab.data.probes.DatasetCard;
import org.sycolab.data.probes.Family;
import org.sycolab.data.probes.GeneratedData;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.data.probes.ProbeGenerator;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;

/**
 * Generates the probe dataset ({@code sycolab generate}): pairs, pools and a dataset card. The
 * output passes the same validation as any input before a byte is written; the same settings give
 * the same files.
 */
public final class GenerateStage {

  /** The dataset card written beside the data. */
  public static final String CARD_FILE = "README.md";

  private final StageContext context;

  /** A stage that reports, and records its manifest, through {@code context}. */
  public GenerateStage(StageContext context) {
    this.context = context;
  }

  /** Generates, checks and writes the dataset, recording the run's manifest. */
  public GenerateOutcome run(GenerateConfig config) throws IOException {
    GeneratorConfig generator = config.generator();
    long start = System.nanoTime();
    GeneratedData data;
    try (StageConsole.Progress bar =
        context.console().progress("generate", "probes", (generator.pairs() + 1) / 2)) {
      data = ProbeGenerator.standard().generate(generator, probe -> bar.step(1));
    }
    DatasetValidator validator = new DatasetValidator(TextLimits.DEFAULT);
    selfCheck(validator.validate(RunLayout.PAIRS_FILE, data.pairs()));
    selfCheck(validator.validate(RunLayout.POOLS_FILE, data.pools()));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("pairs", generator.pairs());
    settings.put("heldout_domain", generator.heldoutDomain());
    settings.put("families", generator.families().stream().map(Family::jsonName).toList());
    settings.put("control_share", generator.controlShare());
    Execution run =
        context.start(
            "generate",
            RunDirectory.atOrFresh(config.out(), "generate"),
            settings,
            Map.of("generator", generator.seed()),
            "none");
    try {
      run.writeOutput(RunLayout.PAIRS_FILE, out -> Datasets.write(out, data.pairs()));
      run.writeOutput(RunLayout.POOLS_FILE, out -> Datasets.write(out, data.pools()));
      run.writeOutput(
          CARD_FILE,
          out -> out.write(DatasetCard.render(data, generator).getBytes(StandardCharsets.UTF_8)));
      run.complete();
    } catch (IOException | RuntimeException e) {
      run.fail(e);
      throw e;
    }
    return new GenerateOutcome(run.directory().path(), data, (System.nanoTime() - start) / 1e9);
  }

  private static void selfCheck(ValidationReport report) {
    if (!report.clean()) {
      throw new IllegalStateException(
          "generated data failed validation, nothing was written (a sycolab bug): "
              + report.problems().get(0));
    }
  }
}
