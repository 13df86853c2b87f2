package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;

/**
 * Whether a held-out-domain sweep ({@link RunLayout#heldoutPull}) is what the report says it is,
 * from the manifests: the same split, reference, n and λ grid as {@link RunLayout#pull} and the
 * same pools file (by SHA-256), scored by heads whose training ({@link RunLayout#heldoutHeads})
 * excluded domain D.
 */
final class HeldoutCheck {

  /** The configuration keys that must match pull/'s. */
  static final List<String> SAME = List.of("split", "reference", "n", "lambda");

  private HeldoutCheck() {}

  /** Why the sweep of {@code domain} cannot be compared with pull/; empty when it checks out. */
  static Optional<String> problem(Path runDirectory, String domain) {
    RunLayout run = new RunLayout(runDirectory);
    Path pullFile = run.pull().resolve(RunManifest.FILE_NAME);
    Path sweepFile = run.heldoutPull(domain).resolve(RunManifest.FILE_NAME);
    Path headsFile = run.heldoutHeads(domain).resolve(RunManifest.FILE_NAME);
    RunManifest pull;
    RunManifest sweep;
    RunManifest heads;
    try {
      pull = read(pullFile);
      sweep = read(sweepFile);
      heads = read(headsFile);
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
    for (String key : SAME) {
      Object expected = pull.config().get(key);
      Object actual = sweep.config().get(key);
      if (expected == null || !Objects.equals(expected, actual)) {
        return Optional.of(
            sweepFile + ": config " + key + " is " + actual + ", " + pullFile + " has " + expected);
      }
    }
    Optional<String> pools = poolsSha256(pull);
    if (pools.isEmpty() || !pools.equals(poolsSha256(sweep))) {
      return Optional.of(sweepFile + ": its pools input (SHA-256) is not the one of " + pullFile);
    }
    if (!(heads.config().get("excluded_domains") instanceof List<?> excluded)
        || !excluded.contains(domain)) {
      return Optional.of(
          headsFile
              + ": excluded_domains is "
              + heads.config().get("excluded_domains")
              + ", without "
              + domain);
    }
    return Optional.empty();
  }

  private static RunManifest read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such file");
    }
    try {
      return RunManifest.read(file);
    } catch (IOException e) {
      throw new IOException(
          file + ": not a manifest (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  /** The SHA-256 of the input named by the configuration's {@code pools}. */
  private static Optional<String> poolsSha256(RunManifest manifest) {
    Object pools = manifest.config().get("pools");
    return manifest.inputs().stream()
        .filter(input -> input.path().equals(pools))
        .map(RunManifest.FileEntry::sha256)
        .findFirst();
  }
}
