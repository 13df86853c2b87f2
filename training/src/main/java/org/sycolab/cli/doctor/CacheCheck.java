package org.sycolab.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sycolab.engine.CacheLocation;
import org.sycolab.io.AtomicFiles;

/** The sycolab cache directory can be created and written, and has room for features. */
public final class CacheCheck implements Check {

  static final long LOW_SPACE_BYTES = 2L << 30;

  private final Path root;

  /** Checks the given cache root. */
  public CacheCheck(Path root) {
    this.root = root;
  }

  @Override
  public CheckResult run() {
    try {
      Files.createDirectories(root);
      Path probe = root.resolve(".doctor-probe");
      AtomicFiles.writeString(probe, "ok\n");
      Files.delete(probe);
      long free = Files.getFileStore(root).getUsableSpace();
      String detail =
          String.format(
              Locale.ROOT, "%s is writable, %.1f GiB free", root, free / (1024.0 * 1024 * 1024));
      if (free < LOW_SPACE_BYTES) {
        return CheckResult.warn(
            "cache", detail, "free some space or set " + CacheLocation.ENV + " to a larger disk");
      }
      return CheckResult.ok("cache", detail);
    } catch (IOException | SecurityException e) {
      return CheckResult.fail(
          "cache",
          root + " is not writable: " + e.getMessage(),
          "set " + CacheLocation.ENV + " to a writable directory");
    }
  }
}
