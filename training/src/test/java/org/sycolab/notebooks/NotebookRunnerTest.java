package org.sycolab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {

  @TempDir Path tmp;

  /** A notebook of a Markdown cell followed by code cells, source given as lists of lines. */
  private Path notebook(String... codeCells) throws IOException {
    List<Map<String, Object>> cells = new java.util.ArrayList<>();
    cells.add(Map.of("cell_type", "markdown", "metadata", Map.of(), "source", List.of("# test")));
    for (String code : codeCells) {
      cells.add(
          Map.of(
              "cell_type",
              "code",
              "metadata",
              Map.of(),
              "outputs",
              List.of(),
              "source",
              code.lines().map(line -> line + "\n").toList()));
    }
    Path file = tmp.resolve("test.ipynb");
    new ObjectMapper().writeValue(file.toFile(), Map.of("cells", cells, "nbformat", 4));
    return file;
  }

  @Test
  void runsCellsInOrderSplittingSnippetsAndDroppingMagics() throws IOException {
    Path file =
        notebook(
            "%jars does/not/exist/*.jar\nimport java.util.ArrayList;\nvar seen = new ArrayList<String>()",
            "int twice(int x) {\n  return 2 * x;\n}\nseen.add(\"\" + twice(21));",
            "if (!seen.equals(java.util.List.of(\"42\"))) throw new IllegalStateException();");
    assertThat(NotebookRunner.codeCells(file))
        .extracting(NotebookRunner.Cell::number)
        .containsExactly(2, 3, 4);
    assertThat(NotebookRunner.codeCells(file).get(0).source()).doesNotContain("%jars");
    NotebookRunner.run(file);
  }

  @Test
  void aSnippetThatDoesNotCompileFailsNamingTheCellAndTheSnippet() throws IOException {
    Path file = notebook("int a = 1;", "int b = a + 1;\nString c = b;");
    assertThatThrownBy(() -> NotebookRunner.run(file))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("test.ipynb, cell 3")
        .hasMessageContaining("String c = b;")
        .hasMessageContaining("does not compile (REJECTED)")
        .hasMessageContaining("incompatible types");
  }

  @Test
  void aSnippetThatThrowsFailsWithTheException() throws IOException {
    Path file = notebook("Object x = null;\nx.hashCode();");
    assertThatThrownBy(() -> NotebookRunner.run(file))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("cell 2")
        .hasMessageContaining("x.hashCode();")
        .hasMessageContaining("threw java.lang.NullPointerException");
  }

  @Test
  void aMethodCallingSomethingUndefinedFails() throws IOException {
    Path file = notebook("int f() {\n  return undefined();\n}");
    assertThatThrownBy(() -> NotebookRunner.run(file))
        .hasMessageContaining("does not compile (RECOVERABLE_DEFINED)");
  }

  @Test
  void anUnfinishedCellFails() throws IOException {
    Path file = notebook("int f() {\n  return 1;");
    assertThatThrownBy(() -> NotebookRunner.run(file)).hasMessageContaining("is incomplete");
  }
}
