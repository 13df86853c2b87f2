package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sycolab.run.RunManifest;

/**
 * How the run was made: the run's own {@code manifest.json} when there is one (configuration,
 * commit, versions, device, seeds) and one row per stage directory's manifest.
 */
final class ManifestSection {

  /** head_seed_2 before head_seed_10: by purpose without its number, then by the seed. */
  private static final Comparator<Map.Entry<String, Long>> SEED_ORDER =
      Comparator.comparing((Map.Entry<String, Long> e) -> e.getKey().replaceFirst("[0-9]+$", ""))
          .thenComparing(Map.Entry::getValue)
          .thenComparing(Map.Entry::getKey);

  private ManifestSection() {}

  static Section build(Path runDirectory) throws InvalidRunException {
    List<Block> blocks = new ArrayList<>();
    Path own = runDirectory.resolve(RunManifest.FILE_NAME);
    if (Files.isRegularFile(own)) {
      blocks.addAll(run(read(own)));
    } else {
      blocks.add(
          new Block.Paragraph(
              "The run directory has no manifest.json of its own (it was not made by sycolab"
                  + " run); the stages' manifests follow."));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Path dir : stageDirectories(runDirectory)) {
      RunManifest stage = read(dir.resolve(RunManifest.FILE_NAME));
      rows.add(
          List.of(
              dir.getFileName().toString(),
              stage.command(),
              stage.status() == null ? "" : stage.status().name().toLowerCase(Locale.ROOT),
              orEmpty(stage.startedAt()),
              duration(stage.startedAt(), stage.finishedAt()),
              orEmpty(stage.device()),
              stage.git() == null ? "" : shortCommit(stage)));
    }
    blocks.add(
        new Block.DataTable(
            "stages (each directory's manifest.json)",
            List.of("directory", "command", "status", "started (UTC)", "took", "device", "commit"),
            rows));
    return new Section("manifest", "Manifests", blocks);
  }

  private static List<Block> run(RunManifest manifest) {
    List<List<String>> about = new ArrayList<>();
    about.add(List.of("command", String.join(" ", manifest.commandLine())));
    about.add(
        List.of(
            "status",
            manifest.status() == null ? "" : manifest.status().name().toLowerCase(Locale.ROOT)));
    about.add(List.of("started", orEmpty(manifest.startedAt())));
    about.add(List.of("finished", orEmpty(manifest.finishedAt())));
    if (manifest.git() != null) {
      about.add(
          List.of(
              "git commit",
              manifest.git().commit() + (manifest.git().dirty() ? " (uncommitted changes)" : "")));
    }
    about.add(List.of("device", orEmpty(manifest.device())));
    // The manifest's maps keep no order once read: seeds by purpose, then number.
    manifest.seeds().entrySet().stream()
        .sorted(SEED_ORDER)
        .forEach(e -> about.add(List.of("seed: " + e.getKey(), String.valueOf(e.getValue()))));
    manifest.versions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> about.add(List.of("version: " + e.getKey(), e.getValue())));
    List<List<String>> config = new ArrayList<>();
    flatten("", manifest.config(), config);
    config.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    return List.of(
        new Block.DataTable("the run (manifest.json)", List.of("field", "value"), about),
        new Block.DataTable("its configuration", List.of("setting", "value"), config));
  }

  /** Nested maps as dotted keys, lists joined by commas. */
  private static void flatten(String prefix, Map<?, ?> map, List<List<String>> rows) {
    map.forEach(
        (key, value) -> {
          String name = prefix + key;
          if (value instanceof Map<?, ?> inner) {
            flatten(name + ".", inner, rows);
          } else if (value instanceof List<?> list) {
            rows.add(List.of(name, String.join(", ", list.stream().map(String::valueOf).toList())));
          } else {
            rows.add(List.of(name, String.valueOf(value)));
          }
        });
  }

  private static String shortCommit(RunManifest manifest) {
    String commit = manifest.git().commit();
    return (commit.length() > 12 ? commit.substring(0, 12) : commit)
        + (manifest.git().dirty() ? "+" : "");
  }

  private static String duration(String started, String finished) {
    if (started == null || finished == null) {
      return "";
    }
    try {
      Duration took = Duration.between(Instant.parse(started), Instant.parse(finished));
      return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static List<Path> stageDirectories(Path runDirectory) throws InvalidRunException {
    try (Stream<Path> entries = Files.list(runDirectory)) {
      return entries
          .filter(dir -> Files.isRegularFile(dir.resolve(RunManifest.FILE_NAME)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidRunException(runDirectory + ": " + e.getMessage(), e);
    }
  }

  private static RunManifest read(Path file) throws InvalidRunException {
    try {
      return RunManifest.read(file);
    } catch (IOException e) {
      throw new InvalidRunException(file + ": not a sycolab manifest: " + e.getMessage(), e);
    }
  }
}
