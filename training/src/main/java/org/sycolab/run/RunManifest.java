package org.sycolab.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sycolab.io.JsonPlaces;

/**
 * {@code manifest.json}: everything needed to reproduce and audit a run — the command line, the
 * effective configuration, code and library versions, device, seeds, and the SHA-256 of every input
 * and output file.
 *
 * @param schemaVersion version of this layout, bumped when fields change meaning
 * @param command the sycolab subcommand, e.g. {@code generate}
 * @param commandLine the arguments as given
 * @param workingDirectory where the command ran
 * @param startedAt ISO-8601 instant
 * @param finishedAt ISO-8601 instant, absent while running
 * @param status running, complete, stopped (ended early on request, to be resumed), failed, or
 *     interrupted (stopped by a signal such as Ctrl-C)
 * @param error what went wrong when failed
 * @param config the effective configuration, defaults included
 * @param git the source checkout's commit, when known
 * @param versions sycolab, DJL, PyTorch, Java and OS versions
 * @param device the device the run computed on
 * @param seeds every seed used, by purpose
 * @param inputs files read, with absolute paths
 * @param outputs files written, relative to the run directory
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(
    int schemaVersion,
    String command,
    List<String> commandLine,
    String workingDirectory,
    String startedAt,
    String finishedAt,
    Status status,
    String error,
    Map<String, Object> config,
    GitState git,
    Map<String, String> versions,
    String device,
    Map<String, Long> seeds,
    List<FileEntry> inputs,
    List<FileEntry> outputs) {

  /** The current layout version. */
  public static final int SCHEMA_VERSION = 1;

  /** File name inside the run directory. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** Copies the collections so a manifest never changes once made. */
  public RunManifest {
    commandLine = List.copyOf(commandLine);
    config = Map.copyOf(config);
    versions = Map.copyOf(versions);
    seeds = Map.copyOf(seeds);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Where a run stands. */
  public enum Status {
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("complete")
    COMPLETE,
    @JsonProperty("stopped")
    STOPPED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("interrupted")
    INTERRUPTED
  }

  /**
   * One file read or written.
   *
   * @param path absolute for inputs, relative to the run directory for outputs
   * @param bytes size in bytes
   * @param sha256 lower-case hex SHA-256 of the content
   */
  public record FileEntry(String path, long bytes, String sha256) {}

  /** The manifest as pretty-printed JSON (map keys sorted, so equal manifests are equal text). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a manifest always serialises", e);
    }
  }

  /**
   * Reads a manifest written by {@link #toJson}.
   *
   * @throws IOException when it cannot be read, or, in one line naming the file, the place and the
   *     field, when it is not a manifest
   */
  public static RunManifest read(Path file) throws IOException {
    RunManifest manifest;
    try {
      manifest = JSON.readValue(file.toFile(), RunManifest.class);
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + JsonPlaces.located(e.getLocation()) + ": not a sycolab manifest: " + why(e));
    }
    if (manifest.schemaVersion() < 1 || manifest.schemaVersion() > SCHEMA_VERSION) {
      throw new IOException(
          file
              + ": schema_version: expected "
              + SCHEMA_VERSION
              + " (this sycolab's manifests), got "
              + manifest.schemaVersion()
              + (manifest.schemaVersion() > SCHEMA_VERSION ? " (written by a newer sycolab)" : ""));
    }
    return manifest;
  }

  /** What is wrong, in the manifest's own terms rather than the JSON library's. */
  private static String why(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof JsonParseException syntax) {
        return "broken JSON ("
            + syntax.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(.*", "")
            + ")";
      }
    }
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return e.getOriginalMessage().startsWith("No content")
          ? "empty"
          : "expected a JSON object of manifest fields";
    }
    String field = JsonPlaces.field(m);
    if (m instanceof InvalidFormatException f) {
      return field + ": unexpected value '" + f.getValue() + "'";
    }
    return field + ": missing or of the wrong type";
  }
}
