package org.sycolab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sycolab.backbone.TestModels;
import org.sycolab.engine.CacheLocation;

/**
 * Feature caches of a test's own that share the JVM's converted built-in model (linked, not
 * copied), chosen for the commands through {@link CacheLocation#PROPERTY}.
 */
final class TestCaches {

  private TestCaches() {}

  /** Creates {@code dir} as a cache whose {@code models/} is the shared converted model's. */
  static Path create(Path dir) throws IOException {
    Files.createDirectories(dir);
    TestModels.minilmDirectory();
    Files.createSymbolicLink(dir.resolve("models"), TestModels.cache().resolve("models"));
    return dir;
  }

  /** Makes the commands run in this JVM use {@code cache}. */
  static void use(Path cache) {
    System.setProperty(CacheLocation.PROPERTY, cache.toString());
  }

  /** Back to the default cache. */
  static void release() {
    System.clearProperty(CacheLocation.PROPERTY);
  }

  /** Removes the link, before the temporary directory is cleaned (which warns about links). */
  static void unlink(Path cache) throws IOException {
    Files.deleteIfExists(cache.resolve("models"));
  }
}
