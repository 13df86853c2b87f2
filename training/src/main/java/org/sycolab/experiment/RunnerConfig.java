package org.sycolab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.features.Shard;

/**
 * What {@code sycolab run} is asked to do: start a run of an experiment file, or resume one, up to
 * a stage; embed one shard of a job array; or only check the experiment and show its stages.
 *
 * @param experimentFile the experiment's YAML file; null with {@code resume} alone (the run's own
 *     copy)
 * @param resume the run directory to continue; null to start a run
 * @param out where to start the run; null for a new {@code runs/<name>-<timestamp>/}
 * @param until the last stage to run; null for every stage (see {@link #last})
 * @param shard with {@code resume}: the slice of the texts to embed, and nothing else; null for
 *     none
 * @param dryRun check and show the stages; run and create nothing
 * @param device the device asked for on the command line; null for the experiment's (else auto)
 * @param verbosity the verbosity options every stage runs with ({@code -q}, {@code -v}, {@code
 *     -vv}), after the device
 */
public record RunnerConfig(
    Path experimentFile,
    Path resume,
    Path out,
    Stage.Step until,
    Shard shard,
    boolean dryRun,
    DeviceSpec device,
    List<String> verbosity) {

  /**
   * Checks the options together, as {@code sycolab run} names them.
   *
   * @throws IllegalArgumentException naming the options that do not go together
   */
  public RunnerConfig {
    if (resume == null && experimentFile == null) {
      throw new IllegalArgumentException("give an EXPERIMENT file, or --resume RUN");
    }
    if (resume != null && out != null) {
      throw new IllegalArgumentException("--out and --resume cannot be used together");
    }
    if (shard != null) {
      if (resume == null) {
        throw new IllegalArgumentException("--shard needs --resume RUN: a run whose data is ready");
      }
      if (until != null) {
        throw new IllegalArgumentException("--shard embeds one slice and stops; drop --until");
      }
    }
    verbosity = List.copyOf(verbosity);
  }

  /** The last stage to run: {@link #until}, or the report. */
  public Stage.Step last() {
    return until == null ? Stage.Step.REPORT : until;
  }

  /**
   * The stage {@code --until} names ({@code data}, {@code embed}, … in any case); null for null.
   *
   * @throws IllegalArgumentException when it names none
   */
  public static Stage.Step until(String text) {
    if (text == null) {
      return null;
    }
    for (Stage.Step step : Stage.Step.values()) {
      if (step.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return step;
      }
    }
    throw new IllegalArgumentException(
        "--until: expected data, embed, train, diagnose, pull, audit or report, got '"
            + text
            + "'");
  }
}
