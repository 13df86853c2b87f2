package org.sycolab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The direction of the flow, checked on the sources' import lines: results ({@code pull}, {@code
 * report}) never reach back into models and engines, the command line is a leaf nobody else depends
 * on, and the datasets module knows nothing of the training module. Each failure lists every
 * offending file and import.
 */
class FlowRulesTest {

  /** The training module's directory, where its tests run. */
  private static final Path TRAINING = Path.of("").toAbsolutePath();

  private static final Path DATASETS = TRAINING.resolveSibling("datasets");
  private static final Path BENCH = TRAINING.resolveSibling("bench");

  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.*]+)\\s*;");

  @Test
  void resultsDoNotImportModelsOrEngines() throws IOException {
    check(
        List.of(TRAINING),
        inPackages("org.sycolab.pull", "org.sycolab.report"),
        List.of("org.sycolab.backbone", "org.sycolab.features", "org.sycolab.heads", "ai.djl"));
  }

  @Test
  void onlyTheCommandLineImportsTheCommandLine() throws IOException {
    check(
        List.of(TRAINING, DATASETS, BENCH),
        inPackages("org.sycolab.cli").negate(),
        List.of("org.sycolab.cli"));
  }

  @Test
  void datasetsDoNotImportTheTrainingModule() throws IOException {
    check(
        List.of(DATASETS),
        pkg -> true,
        Stream.of(
                "backbone",
                "features",
                "heads",
                "pull",
                "report",
                "run",
                "stage",
                "experiment",
                "cli",
                "engine")
            .map(name -> "org.sycolab." + name)
            .toList());
  }

  @Test
  void theScanSeesTheSources() throws IOException {
    assertThat(sources(TRAINING)).hasSizeGreaterThan(100);
    assertThat(sources(DATASETS)).hasSizeGreaterThan(20);
  }

  /**
   * Fails listing every import of a {@code forbidden} package (or its subpackages) in the main
   * sources under {@code modules} whose package {@code applies}.
   */
  private static void check(List<Path> modules, Predicate<String> applies, List<String> forbidden)
      throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path module : modules) {
      for (Path file : sources(module)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String pkg =
            lines.stream()
                .map(PACKAGE::matcher)
                .filter(Matcher::find)
                .findFirst()
                .map(m -> m.group(1))
                .orElse("");
        if (!applies.test(pkg)) {
          continue;
        }
        for (String line : lines) {
          Matcher imported = IMPORT.matcher(line.strip());
          if (imported.find() && forbidden.stream().anyMatch(within(imported.group(1)))) {
            violations.add(TRAINING.getParent().relativize(file) + ": import " + imported.group(1));
          }
        }
      }
    }
    if (!violations.isEmpty()) {
      fail(
          violations.size()
              + " import(s) of "
              + String.join(", ", forbidden)
              + " where none may be:\n  "
              + String.join("\n  ", violations));
    }
  }

  /** Whether {@code name} is a package or within it. */
  private static Predicate<String> within(String name) {
    return pkg -> name.equals(pkg) || name.startsWith(pkg + ".");
  }

  private static Predicate<String> inPackages(String... packages) {
    return pkg -> Stream.of(packages).anyMatch(within(pkg));
  }

  private static List<Path> sources(Path module) throws IOException {
    Path root = module.resolve("src/main/java");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
