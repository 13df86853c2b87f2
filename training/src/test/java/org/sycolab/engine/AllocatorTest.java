package org.sycolab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocatorTest {

  @Test
  void jemallocIsRecognisedInThePreloadList() {
    assertThat(Allocator.of(Map.of("LD_PRELOAD", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")))
        .isEqualTo("jemalloc");
    assertThat(Allocator.of(Map.of("LD_PRELOAD", "/lib/a.so:/usr/lib/libjemalloc.so.2")))
        .isEqualTo("jemalloc");
  }

  @Test
  void withoutAPreloadItIsTheCLibrarys() {
    assertThat(Allocator.of(Map.of())).isEqualTo("glibc malloc");
    assertThat(Allocator.of(Map.of("LD_PRELOAD", "/lib/libfoo.so"))).isEqualTo("glibc malloc");
  }
}
