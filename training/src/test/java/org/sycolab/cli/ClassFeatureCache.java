package org.sycolab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One feature cache for a whole test class (so its texts are embedded once), in use from the
 * class's {@code @BeforeAll} to its last test and removed afterwards. Register it as a static field
 * with {@code @RegisterExtension}.
 */
public final class ClassFeatureCache
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private Path root;
  private Path cache;

  /** The cache directory; valid from the class's {@code @BeforeAll} on. */
  Path directory() {
    return cache;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    root = Files.createTempDirectory("sycolab-test-cache");
    cache = TestCaches.create(root.resolve("cache"));
    TestCaches.use(cache);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestCaches.use(cache);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestCaches.release();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    TestCaches.release();
    TestCaches.unlink(cache);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
