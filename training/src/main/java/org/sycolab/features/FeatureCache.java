package org.sycolab.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.io.AtomicFiles;

/**
 * The cached vectors of one backbone fingerprint: {@code <cache>/features/<fingerprint>/} holds
 * chunk files, each written whole by an atomic rename, so concurrent writers (the shards of a job
 * array sharing a file system) never collide and an interrupted run keeps every chunk it finished.
 * A vector is found by the SHA-256 of its text's content.
 *
 * <p>Nothing read back is trusted: a chunk that is truncated, fails its digest, holds a non-finite
 * value, has no digest or names another backbone is never used. It is moved to {@code quarantine/}
 * beside the chunks (kept for inspection, not deleted), one warning line names it and the problem,
 * and its texts count as not cached, so they are computed again.
 */
public final class FeatureCache {

  private static final String CHUNK_PREFIX = "chunk-";
  private static final String CHUNK_SUFFIX = ".safetensors";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where chunks that cannot be used are moved, inside the fingerprint's directory. */
  static final String QUARANTINE = "quarantine";

  private final Path dir;
  private final String fingerprint;
  private final Consumer<String> warnings;

  /**
   * The cache of {@code fingerprint} under {@code cacheRoot}.
   *
   * @param warnings hears one line for each chunk set aside
   */
  public FeatureCache(Path cacheRoot, String fingerprint, Consumer<String> warnings) {
    this.dir = cacheRoot.resolve("features").resolve(fingerprint);
    this.fingerprint = fingerprint;
    this.warnings = warnings;
  }

  /** The chunk files, sorted by name (oldest first). */
  public List<Path> chunks() throws IOException {
    List<Path> chunks = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return chunks;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, CHUNK_PREFIX + "*")) {
      for (Path file : files) {
        if (file.getFileName().toString().endsWith(CHUNK_SUFFIX)
            && Files.isRegularFile(file)
            && !AtomicFiles.isTemporary(file)) {
          chunks.add(file);
        }
      }
    }
    chunks.sort(null);
    return chunks;
  }

  /**
   * The cached vectors of those {@code keys} that are cached. Each chunk is checked whole before
   * any of its vectors is used; one that fails is set aside (see the class comment). A chunk that
   * holds none of the keys is read no further than its keys: its damage is found when it is used.
   */
  public Map<String, float[]> lookup(Collection<String> keys) throws IOException {
    Set<String> wanted = new HashSet<>(keys);
    Map<String, float[]> found = new HashMap<>();
    List<Path> older = new ArrayList<>();
    for (Path chunkFile : chunks()) {
      if (found.size() == wanted.size()) {
        break;
      }
      try {
        found.putAll(vectors(chunkFile, wanted, found.keySet()));
      } catch (NoSuchFileException e) {
        // Another process set the chunk aside since it was listed.
      } catch (OlderChunkException e) {
        if (moveToQuarantine(chunkFile, e)) {
          older.add(chunkFile);
        }
      } catch (IOException | ModelFormatException | UncheckedIOException e) {
        setAside(chunkFile, e);
      }
    }
    if (older.size() == 1) {
      warnings.accept(
          "feature cache chunk not used: "
              + new OlderChunkException(older.get(0)).getMessage()
              + "; moved to "
              + dir.resolve(QUARANTINE)
              + ", its texts are computed again");
    } else if (older.size() > 1) {
      // An upgrade sets aside every older chunk it uses: one line for all of them.
      warnings.accept(
          older.size()
              + " feature cache chunks written by an older sycolab (no "
              + ChunkDigest.KEY
              + ", so unverifiable) moved to "
              + dir.resolve(QUARANTINE)
              + "; their texts are computed again");
    }
    return found;
  }

  /** A chunk written before chunks carried a digest: set aside like a damaged one, said once. */
  private static final class OlderChunkException extends IOException {
    OlderChunkException(Path chunkFile) {
      super(
          chunkFile + ": has no " + ChunkDigest.KEY + " (written by an older sycolab or damaged)");
    }
  }

  /**
   * The vectors of the chunk's rows that are wanted and not yet found: all or, on error, none. A
   * chunk holding none of them is read no further than its keys.
   */
  private Map<String, float[]> vectors(Path chunkFile, Set<String> wanted, Set<String> known)
      throws IOException {
    try (FeatureChunk.Opened chunk = FeatureChunk.Opened.open(chunkFile)) {
      List<String> chunkKeys = chunk.keys();
      List<Integer> rows = new ArrayList<>();
      for (int row = 0; row < chunkKeys.size(); row++) {
        if (wanted.contains(chunkKeys.get(row)) && !known.contains(chunkKeys.get(row))) {
          rows.add(row);
        }
      }
      if (rows.isEmpty()) {
        return Map.of();
      }
      if (!chunk.hasDigest()) {
        throw new OlderChunkException(chunkFile);
      }
      chunk.verify();
      checkFingerprint(chunkFile, chunk.fingerprint());
      Map<String, float[]> vectors = new HashMap<>();
      for (int row : rows) {
        vectors.put(chunkKeys.get(row), chunk.vector(row));
      }
      return vectors;
    }
  }

  /** Moves a chunk that cannot be used to the quarantine, with one warning. */
  private void setAside(Path chunkFile, Exception problem) {
    if (moveToQuarantine(chunkFile, problem)) {
      warnings.accept(
          "feature cache chunk not used: "
              + describe(problem)
              + "; moved to "
              + dir.resolve(QUARANTINE)
              + ", its texts are computed again");
    }
  }

  /**
   * Moves a chunk that cannot be used to the quarantine; false when another process did first or,
   * with a warning, when it cannot be moved.
   */
  private boolean moveToQuarantine(Path chunkFile, Exception problem) {
    Path quarantine = dir.resolve(QUARANTINE);
    try {
      Files.createDirectories(quarantine);
      Files.move(
          chunkFile, quarantine.resolve(chunkFile.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (NoSuchFileException e) {
      return false; // another process set it aside and warned
    } catch (IOException e) {
      warnings.accept(
          "feature cache chunk not used: "
              + describe(problem)
              + "; it could not be moved to "
              + quarantine
              + " ("
              + e
              + ")");
      return false;
    }
  }

  private static String describe(Exception problem) {
    return problem instanceof UncheckedIOException unchecked
        ? unchecked.getCause().toString()
        : problem.getMessage();
  }

  /** Adds a chunk of vectors (a no-op when empty). */
  public void store(FeatureChunk chunk) throws IOException {
    if (chunk.keys().isEmpty()) {
      return;
    }
    checkFingerprint(dir, chunk.fingerprint());
    String name =
        CHUNK_PREFIX
            + System.currentTimeMillis()
            + "-"
            + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
            + CHUNK_SUFFIX;
    chunk.write(dir.resolve(name));
  }

  /** Stores vectors computed by this cache's backbone under their content keys. */
  public void store(List<String> keys, List<float[]> vectors) throws IOException {
    store(new FeatureChunk(fingerprint, List.copyOf(keys), vectors.toArray(float[][]::new)));
  }

  /**
   * Adds the vectors of a chunk file written elsewhere (a shard's output on another machine) that
   * are not cached yet; returns how many were added.
   *
   * @throws ModelFormatException when the file is damaged, has no digest or comes from another
   *     backbone; the file is the user's, so it is left where it is
   */
  public int importChunk(Path file) throws IOException {
    FeatureChunk chunk = FeatureChunk.read(file);
    checkFingerprint(file, chunk.fingerprint());
    Map<String, float[]> present = lookup(chunk.keys());
    List<String> keys = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < chunk.keys().size(); i++) {
      if (!present.containsKey(chunk.keys().get(i))) {
        keys.add(chunk.keys().get(i));
        vectors.add(chunk.vectors()[i]);
      }
    }
    store(keys, vectors);
    return keys.size();
  }

  private void checkFingerprint(Path where, String found) {
    if (!fingerprint.equals(found)) {
      throw new ModelFormatException(
          where,
          "features come from backbone "
              + abbreviate(found == null ? "(none)" : found)
              + ", not "
              + abbreviate(fingerprint)
              + " (another model, pooling or max length)");
    }
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }
}
