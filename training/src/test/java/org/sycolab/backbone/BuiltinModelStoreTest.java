package org.sycolab.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.io.AtomicFiles;

class BuiltinModelStoreTest {

  @TempDir Path cache;

  @Test
  void twoProcessesConvertingAtOnceBothGetTheModelAndNoStagingIsLeft() throws Exception {
    Callable<Path> convert = () -> new BuiltinModelStore(cache).directory(BuiltinModel.MINILM);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Path>> both = pool.invokeAll(List.of(convert, convert));
      Path first = both.get(0).get();
      assertThat(both.get(1).get()).isEqualTo(first);
      assertThat(first.resolve(BuiltinModelStore.PROVENANCE_FILE)).isRegularFile();
      assertThat(first.resolve("model.safetensors")).isRegularFile();
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> entries = Files.list(cache.resolve("models"))) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .startsWith("builtin-minilm-");
    }
  }

  @Test
  void stagingLeftByAKilledConversionIsSweptButAFreshOneIsNot() throws Exception {
    Path models = cache.resolve("models");
    Path abandoned =
        models.resolve(".builtin-minilm-x" + AtomicFiles.TEMP_MARKER + "00000000000000aa");
    Path live = models.resolve(".builtin-minilm-x" + AtomicFiles.TEMP_MARKER + "00000000000000bb");
    Files.createDirectories(abandoned);
    Files.writeString(abandoned.resolve("model.safetensors"), "partial");
    Files.createDirectories(live);
    Files.setLastModifiedTime(
        abandoned,
        FileTime.from(Instant.now().minus(BuiltinModelStore.STAGING_TTL).minusSeconds(60)));

    new BuiltinModelStore(cache).directory(BuiltinModel.MINILM);

    assertThat(abandoned).doesNotExist();
    assertThat(live).isDirectory();
  }
}
