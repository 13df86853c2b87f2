package org.sycolab.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

/**
 * SHA-256 digests of weight files, computed once per version of a file instead of once per command:
 * describing a 15 GB decoder hashes 15 GB, which every command that names the model (and every
 * stage of {@code sycolab run}) would otherwise pay again before its first batch.
 *
 * <p>A file's version is its real path (symbolic links resolved, so a Hugging Face snapshot's link
 * and its blob are one file), its size, its last-modified time (to the nanosecond where the file
 * system keeps it) and its file key (device and inode on Linux, where the platform gives one): a
 * file rewritten, touched, truncated or replaced by another is a new version and is hashed again.
 * Digests are kept twice:
 *
 * <ul>
 *   <li>in this process, for the last {@value #MEMO_ENTRIES} versions, so one process hashes a
 *       model once however many times it is described;
 *   <li>on disk, one small JSON entry per file under {@code <cache>/digests/} (named by the SHA-256
 *       of the real path, written atomically), so the next command finds it. An entry is trusted
 *       only when it is well-formed and names exactly the version found now; anything else (a
 *       damaged or truncated entry, another version, garbage) is ignored, the file hashed again and
 *       the entry rewritten. Deleting {@code digests/} is always safe.
 * </ul>
 *
 * <p>A digest is kept only for a file that did not change while it was hashed and whose
 * last-modified time lies at least {@link #SETTLED} before the hashing began: a file written again
 * within the same tick of a coarse file system clock would otherwise keep its time and size and be
 * taken for the version that was hashed. Such a fresh file is simply hashed again next time.
 * Processes sharing a cache may hash the same file at once; each writes the same entry atomically,
 * and the last rename wins.
 */
public final class WeightDigests {

  /** The directory under the cache root that holds the entries. */
  public static final String DIRECTORY = "digests";

  /** How long before the hashing a file must have been last modified for its digest to be kept. */
  public static final Duration SETTLED = Duration.ofSeconds(2);

  /** How many file versions one process remembers. */
  static final int MEMO_ENTRIES = 256;

  /** Entries are a few hundred bytes; a larger file is not an entry. */
  private static final int MAX_ENTRY_BYTES = 1 << 14;

  /** Age after which a temporary file in {@code digests/} belongs to no live writer. */
  private static final Duration ABANDONED = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(WeightDigests.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Map<FileVersion, String> PROCESS_MEMO = newMemo();

  private final Path directory;
  private final Map<FileVersion, String> memo;
  private final Hasher hasher;

  /** Digests kept under {@code cacheRoot/digests} and in this process's memo. */
  public static WeightDigests under(Path cacheRoot) {
    return new WeightDigests(cacheRoot.resolve(DIRECTORY), PROCESS_MEMO, FileDigest::sha256);
  }

  /**
   * Digests kept in {@code directory} and {@code memo}, computed by {@code hasher}.
   *
   * @param memo a map from {@link #newMemo()}
   */
  WeightDigests(Path directory, Map<FileVersion, String> memo, Hasher hasher) {
    this.directory = directory;
    this.memo = memo;
    this.hasher = hasher;
  }

  /** A bounded, thread-safe memo that forgets the least recently used version first. */
  static Map<FileVersion, String> newMemo() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<FileVersion, String> eldest) {
            return size() > MEMO_ENTRIES;
          }
        });
  }

  /**
   * The fingerprint of a model's weight files: the lower-case hex SHA-256 of the text {@code
   * sha256sum} prints for them in the order given (name order), one line {@code "<sha256 hex> <file
   * name>\n"} per file, from kept digests where they are current.
   */
  public String weightsSha256(List<Path> weightFiles) throws IOException {
    StringBuilder listing = new StringBuilder();
    for (Path file : weightFiles) {
      listing.append(sha256(file)).append("  ").append(file.getFileName()).append('\n');
    }
    return FileDigest.sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The lower-case hex SHA-256 of {@code file}'s bytes, hashed only when no digest is current. */
  public String sha256(Path file) throws IOException {
    FileVersion version = FileVersion.of(file);
    String known = memo.get(version);
    if (known != null) {
      return known;
    }
    Path entry =
        directory.resolve(
            FileDigest.sha256(version.path().getBytes(StandardCharsets.UTF_8)) + ".json");
    Optional<String> stored = read(entry, version);
    if (stored.isPresent()) {
      memo.put(version, stored.get());
      return stored.get();
    }
    Instant started = Instant.now();
    String digest = hasher.sha256(file);
    LOG.debug("hashed {} ({} bytes)", version.path(), version.size());
    if (version.settledBefore(started) && FileVersion.of(file).equals(version)) {
      memo.put(version, digest);
      write(entry, version, digest);
    }
    return digest;
  }

  /** The digest an entry holds for {@code version}; empty when absent, damaged or another's. */
  private static Optional<String> read(Path entry, FileVersion version) {
    try {
      if (Files.size(entry) > MAX_ENTRY_BYTES) {
        LOG.debug("ignoring {}: too large for a digest entry", entry);
        return Optional.empty();
      }
      JsonNode node = JSON.readTree(Files.readAllBytes(entry));
      String digest =
          node != null && node.path("sha256").isTextual() ? node.path("sha256").textValue() : "";
      if (!SHA256.matcher(digest).matches() || !version.equals(FileVersion.from(node))) {
        LOG.debug("ignoring {}: not a current digest of {}", entry, version.path());
        return Optional.empty();
      }
      return Optional.of(digest);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.debug("ignoring {}: {}", entry, e.getMessage());
      return Optional.empty();
    }
  }

  /** Keeps a digest for the next process; a cache that cannot be written only costs time. */
  private void write(Path entry, FileVersion version, String digest) {
    ObjectNode node = version.toJson().put("sha256", digest);
    try {
      AtomicFiles.writeBytes(entry, JSON.writeValueAsBytes(node));
      AtomicFiles.sweepTemporaries(directory, ABANDONED);
    } catch (IOException e) {
      LOG.warn(
          "cannot keep the digest of {} in {} ({}); it will be hashed again next time",
          version.path(),
          directory,
          e.toString());
    }
  }

  /** Computes a file's SHA-256; tests count the calls. */
  @FunctionalInterface
  interface Hasher {
    String sha256(Path file) throws IOException;
  }

  /**
   * One version of a file.
   *
   * @param path the real path
   * @param size the size in bytes
   * @param modifiedNanos the last-modified time, nanoseconds since the epoch
   * @param fileKey the platform's file key (device and inode on Linux), empty where there is none
   */
  record FileVersion(String path, long size, long modifiedNanos, String fileKey) {

    /** The version of {@code file} now, following symbolic links. */
    static FileVersion of(Path file) throws IOException {
      Path real = file.toRealPath();
      BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
      Object key = attributes.fileKey();
      return new FileVersion(
          real.toString(),
          attributes.size(),
          attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          key == null ? "" : key.toString());
    }

    /** The version an entry names; fields missing or of the wrong type give no file's version. */
    static FileVersion from(JsonNode node) {
      return new FileVersion(
          node.path("path").isTextual() ? node.path("path").textValue() : "",
          node.path("size").isIntegralNumber() ? node.path("size").asLong() : -1,
          node.path("modified_ns").isIntegralNumber() ? node.path("modified_ns").asLong() : -1,
          node.path("file_key").isTextual() ? node.path("file_key").textValue() : "");
    }

    /** Whether the file was last modified at least {@link #SETTLED} before {@code instant}. */
    boolean settledBefore(Instant instant) {
      Instant settled = instant.minus(SETTLED);
      return modifiedNanos
          <= TimeUnit.SECONDS.toNanos(settled.getEpochSecond()) + settled.getNano();
    }

    ObjectNode toJson() {
      ObjectNode node = JSON.createObjectNode();
      node.put("path", path);
      node.put("size", size);
      node.put("modified_ns", modifiedNanos);
      node.put("file_key", fileKey);
      return node;
    }
  }
}
