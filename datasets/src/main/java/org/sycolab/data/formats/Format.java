package org.sycolab.data.formats;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sycolab.data.Label;

/** The public formats sycolab imports, by the name the CLI uses for each. */
public enum Format {
  /** TRL preference JSONL, explicit or implicit prompt; carries no label of its own. */
  TRL("trl"),
  /** Anthropic model-written-evals sycophancy JSONL, published and pre-release layouts. */
  ANTHROPIC_MWE("anthropic-mwe"),
  /** SycophancyEval (Sharma et al. 2023): answer, are_you_sure and feedback files. */
  SYCOPHANCY_EVAL("sycophancy-eval"),
  /** TruthfulQA CSV, 7-column and 8-column revisions. */
  TRUTHFULQA("truthfulqa");

  private final String cliName;

  Format(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line, e.g. {@code anthropic-mwe}. */
  public String cliName() {
    return cliName;
  }

  /** Whether the format needs a label from the user (its data carries none). */
  public boolean needsLabel() {
    return this == TRL;
  }

  /**
   * The importer for this format.
   *
   * @param label the label for formats that need one; must be empty for the others
   * @throws IllegalArgumentException when a label is missing, or given where it does not apply
   */
  public Importer importer(Optional<Label> label) {
    if (needsLabel() && label.isEmpty()) {
      throw new IllegalArgumentException(
          "format " + cliName + " needs a label (agreeable or grounded): its data carries none");
    }
    if (!needsLabel() && label.isPresent()) {
      throw new IllegalArgumentException(
          "format " + cliName + " decides its labels itself; a label applies only to trl");
    }
    return switch (this) {
      case TRL -> new TrlImporter(label.orElseThrow());
      case ANTHROPIC_MWE -> new AnthropicMweImporter();
      case SYCOPHANCY_EVAL -> new SycophancyEvalImporter();
      case TRUTHFULQA -> new TruthfulQaImporter();
    };
  }

  /** The format a CLI name stands for, or empty. */
  public static Optional<Format> fromCliName(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst();
  }

  /** The CLI names, comma-separated, for messages. */
  public static String cliNames() {
    return Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", "));
  }
}
