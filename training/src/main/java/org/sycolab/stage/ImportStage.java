package org.sycolab.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.Datasets;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.TextLimits;
import org.sycolab.data.formats.Imported;
import org.sycolab.data.formats.Imports;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;

/**
 * Imports public datasets ({@code sycolab import}) into {@code pairs.jsonl} and/or {@code
 * pools.jsonl}. Every input is read and checked first; with any problem nothing is written.
 */
public final class ImportStage {

  private final StageContext context;

  /** A stage that reports, and records its manifest, through {@code context}. */
  public ImportStage(StageContext context) {
    this.context = context;
  }

  /**
   * Reads every input, then writes what they hold, recording the manifest.
   *
   * @throws InvalidDatasetException listing the inputs' problems, before anything is written
   */
  public ImportOutcome run(ImportConfig config) throws IOException, InvalidDatasetException {
    Imported imported =
        Imports.read(
            config.format(),
            Optional.ofNullable(config.label()),
            config.inputs(),
            TextLimits.DEFAULT);
    Execution run =
        context.start(
            "import",
            RunDirectory.atOrFresh(config.out(), "import"),
            manifestConfig(config),
            Map.of(),
            "none");
    try {
      for (Path input : config.inputs()) {
        run.recordInput(input);
      }
      List<String> removed = new ArrayList<>();
      write(run, RunLayout.PAIRS_FILE, imported.pairs(), removed);
      write(run, RunLayout.POOLS_FILE, imported.pools(), removed);
      run.complete();
      return new ImportOutcome(run.directory().path(), imported, removed);
    } catch (IOException | RuntimeException e) {
      run.fail(e);
      throw e;
    }
  }

  /**
   * Writes {@code records} to {@code name}; when there are none, an earlier import's file of that
   * name goes (its manifest lists it), and a file of the user's stays.
   */
  private static void write(
      Execution run, String name, List<? extends DatasetRecord> records, List<String> removed)
      throws IOException {
    if (!records.isEmpty()) {
      run.writeOutput(name, out -> Datasets.write(out, records));
    } else if (run.wroteEarlier(name) && Files.deleteIfExists(run.directory().resolve(name))) {
      removed.add(name);
    }
  }

  private static Map<String, Object> manifestConfig(ImportConfig config) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("format", config.format().cliName());
    if (config.label() != null) {
      recorded.put("label", config.label().jsonName());
    }
    recorded.put("inputs", config.inputs().stream().map(Path::toString).toList());
    return recorded;
  }
}
