package org.sycolab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sycolab.cli.ClassFeatureCache;

/**
 * Runs every notebook in the repository's {@code notebooks/} directory, one case each, on a test
 * cache that shares the converted built-in model with the other tests.
 */
class NotebooksTest {

  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();

  static List<Path> notebooks() throws IOException {
    Path dir = notebooksDirectory();
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(dir)) {
      notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertThat(notebooks).as("notebooks in %s", dir).isNotEmpty();
    return notebooks;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void runsWithoutError(Path notebook) throws IOException {
    NotebookRunner.run(notebook);
  }

  /**
   * {@code notebooks/} beside the module, found by walking up from Maven's {@code basedir} (or the
   * working directory) to the directory that holds it and the parent {@code pom.xml}.
   */
  private static Path notebooksDirectory() {
    Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("notebooks"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir.resolve("notebooks");
      }
    }
    throw new IllegalStateException("no notebooks/ directory above " + start);
  }
}
