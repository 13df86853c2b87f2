package org.sycolab.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.Datasets;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.Label;
import org.sycolab.data.Problem;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;

/** Writes fixture files, imports them, and checks what the import writes validates cleanly. */
final class ImportFixture {

  private final Path dir;

  ImportFixture(Path dir) {
    this.dir = dir;
  }

  /** Writes {@code content} to {@code name} byte for byte (no newline added) and returns it. */
  Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  /** Imports the files, failing the test on any problem. */
  Imported read(Format format, Optional<Label> label, Path... files) throws Exception {
    return Imports.read(format, label, List.of(files), TextLimits.DEFAULT);
  }

  /** The problems an import of the files reports, each as file:line: field: message. */
  List<String> problems(Format format, Optional<Label> label, Path... files) {
    InvalidDatasetException e =
        catchThrowableOfType(
            InvalidDatasetException.class,
            () -> Imports.read(format, label, List.of(files), TextLimits.DEFAULT));
    assertThat(e).as("expected the import to fail").isNotNull();
    List<String> problems = new ArrayList<>();
    for (Problem p : e.report().problems()) {
      problems.add(p.toString());
    }
    assertThat(e.report().problemCount()).isEqualTo(problems.size());
    return problems;
  }

  /**
   * Writes the import as sycolab files, validates them with {@link DatasetValidator}, and checks
   * that reading them back gives the same records.
   */
  void assertRoundTrips(Imported imported) throws Exception {
    Path out = Files.createTempDirectory(dir, "out");
    DatasetValidator validator = new DatasetValidator(TextLimits.DEFAULT);
    if (!imported.pairs().isEmpty()) {
      Path pairs = out.resolve("pairs.jsonl");
      Datasets.writePairs(pairs, imported.pairs());
      ValidationReport report = validator.validate(pairs);
      assertThat(report.problems()).isEmpty();
      assertThat(report.records()).isEqualTo(imported.pairs().size());
      assertThat(Datasets.readPairs(pairs, TextLimits.DEFAULT)).isEqualTo(imported.pairs());
    }
    if (!imported.pools().isEmpty()) {
      Path pools = out.resolve("pools.jsonl");
      Datasets.writePools(pools, imported.pools());
      ValidationReport report = validator.validate(pools);
      assertThat(report.problems()).isEmpty();
      assertThat(report.records()).isEqualTo(imported.pools().size());
      assertThat(Datasets.readPools(pools, TextLimits.DEFAULT)).isEqualTo(imported.pools());
    }
  }
}
