package org.sycolab.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sycolab.data.DatasetValidator;

/**
 * The validation of dataset files: every file is read in full (streamed, so size is no limit) and
 * checked record by record, with a progress display per file. Writes nothing.
 */
public final class ValidateStage {

  private final StageContext context;

  /** A stage that reports its progress through {@code context}. */
  public ValidateStage(StageContext context) {
    this.context = context;
  }

  /**
   * Checks every file {@code config} names, in order.
   *
   * @throws IOException when a file cannot be read at all
   */
  public ValidateOutcome run(ValidateConfig config) throws IOException {
    DatasetValidator validator = new DatasetValidator(config.limits());
    List<ValidateOutcome.FileCheck> checks = new ArrayList<>();
    for (Path file : config.files()) {
      checks.add(check(validator, file));
    }
    return new ValidateOutcome(checks);
  }

  private ValidateOutcome.FileCheck check(DatasetValidator validator, Path file)
      throws IOException {
    Optional<String> notAFile = DatasetValidator.notAFile(file);
    if (notAFile.isPresent()) {
      return new ValidateOutcome.NotAFile(file, notAFile.get());
    }
    try (StageConsole.Progress progress =
        context.console().progress(file.toString(), "records", -1)) {
      return new ValidateOutcome.Checked(validator.validate(file, record -> progress.step(1)));
    }
  }
}
