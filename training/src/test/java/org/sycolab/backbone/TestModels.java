package org.sycolab.backbone;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The built-in model converted once per test JVM into a temporary cache. */
public final class TestModels {

  private static Path cache;

  private TestModels() {}

  /** A cache directory shared by the tests of this JVM, removed at exit. */
  public static synchronized Path cache() {
    if (cache == null) {
      try {
        cache = Files.createTempDirectory("sycolab-test-cache");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dir = cache;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
    }
    return cache;
  }

  /** {@code builtin:minilm} with the default options, on sycolab's PyTorch blocks on the CPU. */
  public static Backbone minilm() throws IOException {
    return Backbones.open(
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, cache()), Device.cpu());
  }

  /** The converted directory of {@code builtin:minilm}. */
  public static ModelDirectory minilmDirectory() throws IOException {
    return Backbones.resolve("builtin:minilm", cache());
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
