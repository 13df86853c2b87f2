package org.sycolab.data.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportsTest {

  @TempDir Path tmp;

  @Test
  void everyProblemInEveryFileIsReportedIncludingFilesWithNothingInThem() throws Exception {
    ImportFixture fixture = new ImportFixture(tmp);
    Path empty = fixture.file("empty.jsonl", "\n\n");
    Path bad = fixture.file("bad.jsonl", "[1, 2]\n");
    Path header = fixture.file("header-only.csv", "");

    assertThat(fixture.problems(Format.SYCOPHANCY_EVAL, Optional.empty(), empty, bad))
        .containsExactly(
            empty + ": expected at least one record, the file has none",
            bad + ":1: expected a JSON object");
    assertThat(fixture.problems(Format.TRUTHFULQA, Optional.empty(), header))
        .containsExactly(header + ": expected a header line, the file has none");
  }
}
