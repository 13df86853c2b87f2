package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sycolab.data.Label;
import org.sycolab.data.formats.Format;

/**
 * What {@code sycolab import} reads and where it writes.
 *
 * @param format the inputs' format
 * @param label the label of every pair, for formats whose data carries none (TRL); null otherwise
 * @param inputs the input files, all in {@code format}
 * @param out the directory to write into; null for a fresh {@code runs/import-<time>/}
 */
public record ImportConfig(Format format, Label label, List<Path> inputs, Path out)
    implements StageConfig {

  /** Checks that a label is given exactly when the format needs one, naming the options. */
  public ImportConfig {
    Objects.requireNonNull(format, "format");
    inputs = List.copyOf(inputs);
    if (format.needsLabel() != (label != null)) {
      throw new IllegalArgumentException(
          format.needsLabel()
              ? "--format "
                  + format.cliName()
                  + " needs --label agreeable|grounded: its data"
                  + " carries no label"
              : "--label applies only to --format trl; "
                  + format.cliName()
                  + " decides each record's label itself");
    }
  }

  @Override
  public List<String> commandLine() {
    return new CommandLineWords("import")
        .option("--format", format.cliName())
        .option("--label", label == null ? null : label.jsonName())
        .parameters(inputs)
        .option("--out", out)
        .words();
  }
}
