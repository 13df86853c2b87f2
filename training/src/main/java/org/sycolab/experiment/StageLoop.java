package org.sycolab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sycolab.data.Datasets;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.io.AtomicFiles;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;
import org.sycolab.stage.StageContext;
import org.sycolab.stage.StageOutcome;

/**
 * Runs a run's stages in order: each through the {@link StageInvoker} (the copy of the experiment's
 * own data here) with a context that records its config and equivalent command line, skipping those
 * finished earlier until one has to run, setting aside a finished stage whose outputs changed
 * since, printing what each produced, and recording every stage's manifest in the run's.
 */
final class StageLoop {

  private final StageContext context;
  private final StageInvoker invoker;
  private final PrintWriter out;
  private final PrintWriter err;

  StageLoop(StageContext context, StageInvoker invoker, PrintWriter out, PrintWriter err) {
    this.context = context;
    this.invoker = invoker;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the stages in order, skipping those finished earlier until one has to run: every stage
   * after it runs again too, since its inputs may have changed. The run is marked complete before
   * the report stage, which reads its manifest, so the report shows it finished.
   *
   * @param device the device every stage computes on
   * @param global the global options of the stages' equivalent command lines
   * @param run the run's execution, recording each stage's manifest; null for a shard, which leaves
   *     the run's manifest alone
   * @return whether every stage succeeded; false when one found its input wanting (and said so)
   * @throws StageFailedException naming the stage that failed, with its cause
   */
  boolean run(
      List<Stage> stages, DeviceSpec device, List<String> global, Execution run, RunLayout layout)
      throws Exception {
    Path dir = layout.root();
    SetAside aside = new SetAside(layout, err);
    boolean upstreamRan = false;
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      String position =
          String.format(Locale.ROOT, "[%d/%d] %s", i + 1, stages.size(), stage.name());
      Stage.Earlier earlier = upstreamRan ? null : stage.earlier(dir);
      if (earlier != null && earlier.finished()) {
        context.console().info(position + ": finished earlier, skipped");
        recordStage(stage, run);
        continue;
      }
      if (earlier != null && earlier.changed() != null) {
        Path moved = aside.directory(stage.directory());
        err.println(
            stage.name()
                + ": "
                + earlier.changed()
                + "; rerunning "
                + stage.name()
                + " and the stages after it (its earlier outputs are kept in "
                + dir.relativize(moved)
                + ")");
      }
      if (earlier != null && earlier.older()) {
        Path moved = aside.directory(stage.directory());
        err.println(
            stage.name()
                + ": its manifest was written by an older sycolab and records no "
                + ConfigJson.KEY
                + " to compare; rerunning "
                + stage.name()
                + " and the stages after it (its earlier outputs are kept in "
                + dir.relativize(moved)
                + ")");
      }
      if (earlier != null && earlier.changed() == null && !earlier.older() && run != null) {
        sayIfGone(stage, run, dir);
      }
      context.console().info(position);
      if (run != null && stage.step() == Stage.Step.REPORT) {
        run.complete();
      }
      clear(stage.directory());
      long start = System.nanoTime();
      try {
        if (stage.config() instanceof DataCopy copy) {
          copyData(stage, copy, dir);
        } else {
          List<String> line = new ArrayList<>(global);
          line.addAll(stage.commandLine());
          StageOutcome outcome =
              invoker.run(stage, context.called(device, line, stage.recorded(dir)));
          outcome.print(out);
          out.flush();
          if (!outcome.succeeded()) {
            err.println(position + ": failed");
            return false;
          }
        }
      } catch (Exception e) {
        throw new StageFailedException(stage.name(), null, e);
      } catch (OutOfMemoryError e) {
        err.println(position + ": failed: out of memory");
        throw e;
      }
      recordStage(stage, run);
      upstreamRan |= stage.directory() != null;
      context
          .console()
          .info(
              String.format(
                  Locale.ROOT, "%s: done in %.1f s", position, (System.nanoTime() - start) / 1e9));
    }
    return true;
  }

  /** One line when a stage the run had finished has lost its manifest (its directory deleted). */
  private void sayIfGone(Stage stage, Execution run, Path dir) {
    if (stage.directory() == null) {
      return;
    }
    Path manifest = stage.directory().resolve(RunManifest.FILE_NAME);
    String recorded = dir.relativize(manifest).toString();
    if (run.wroteEarlier(recorded) && !Files.exists(manifest)) {
      err.println(
          stage.name()
              + ": "
              + recorded
              + " is gone since the run recorded it; rerunning "
              + stage.name()
              + " and the stages after it");
    }
  }

  /**
   * Removes what an unfinished or outdated run of a stage left in its directory, so the stage
   * starts clean: commands refuse to replace some outputs (a head directory) they did not write.
   */
  private static void clear(Path directory) throws IOException {
    if (directory != null) {
      AtomicFiles.deleteTree(directory);
    }
  }

  /** Validates the experiment's own pairs and pools and copies them into the run's data/. */
  private void copyData(Stage stage, DataCopy copy, Path root) throws Exception {
    Datasets.readPairs(copy.pairs(), "data.pairs");
    Datasets.readPools(copy.pools(), "data.pools");
    Execution copying =
        context.start(
            ExperimentRunner.COMMAND,
            RunDirectory.at(copy.out()),
            stage.recorded(root),
            Map.of(),
            "none");
    try {
      copying.recordInput(copy.pairs());
      copying.recordInput(copy.pools());
      copying.writeOutput(RunLayout.PAIRS_FILE, o -> Files.copy(copy.pairs(), o));
      copying.writeOutput(RunLayout.POOLS_FILE, o -> Files.copy(copy.pools(), o));
      copying.complete();
    } catch (Exception e) {
      copying.fail(e);
      throw e;
    }
    out.println("data: copied " + copy.pairs() + " and " + copy.pools() + " into " + copy.out());
  }

  private static void recordStage(Stage stage, Execution run) throws IOException {
    if (run != null && stage.directory() != null) {
      run.recordOutput(stage.directory().resolve(RunManifest.FILE_NAME));
    }
  }
}
