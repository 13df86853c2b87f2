package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ResultCsvTest {

  private static final List<String> DOMAINS =
      List.of(
          "=1+1", "-x", "+SUM(A1)", "@cmd", "\tpad", "capitals", "'quoted", "''=x", "-0.5", "'");

  @TempDir Path dir;

  @Test
  void formulaLeadingTextIsMarkedAndNumbersAreNot() throws IOException {
    Path file = write();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("domain,mean");
    assertThat(lines)
        .contains("'=1+1,-1.5", "'-x,-2.0", "'+SUM(A1),0.0", "'@cmd,1.0", "capitals,3.0")
        .contains("''quoted,4.0", "'''=x,5.0", "-0.5,6.0", "'',7.0");
    assertThat(String.join("\n", lines)).doesNotContain("\n=", "\n-x", "\n+S", "\n@");
  }

  @Test
  void readingBackGivesExactlyWhatWasWritten() throws Exception {
    Table read = RunCsv.read(write(), new RunCsv.Columns().text("domain").number("mean"));
    assertThat(read.stringColumn("domain").asList()).containsExactlyElementsOf(DOMAINS);
    assertThat(read.doubleColumn("mean").get(0)).isEqualTo(-1.5);
  }

  @Test
  void restoreLeavesUnmarkedCellsAlone() {
    for (String cell : List.of("'a", "a'", "", "-1e5", "x")) {
      assertThat(ResultCsv.restore(cell)).isEqualTo(cell);
    }
    for (String cell : DOMAINS) {
      assertThat(ResultCsv.restore(ResultCsv.neutralise(cell))).isEqualTo(cell);
    }
  }

  private Path write() throws IOException {
    double[] means = {-1.5, -2, 0, 1, 2, 3, 4, 5, 6, 7};
    Table table =
        Table.create(
            "t", StringColumn.create("domain", DOMAINS), DoubleColumn.create("mean", means));
    Path file = dir.resolve("t.csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      ResultCsv.write(table, out);
    }
    return file;
  }
}
