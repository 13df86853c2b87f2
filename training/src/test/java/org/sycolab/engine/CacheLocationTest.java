package org.sycolab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheLocationTest {

  private static final Path HOME = Path.of("/home/ada");

  @Test
  void explicitVariableWins() {
    assertThat(
            CacheLocation.root(
                Map.of(CacheLocation.ENV, "/scratch/syco", "XDG_CACHE_HOME", "/xdg"), HOME))
        .isEqualTo(Path.of("/scratch/syco"));
  }

  @Test
  void xdgCacheHomeIsNext() {
    assertThat(CacheLocation.root(Map.of("XDG_CACHE_HOME", "/xdg"), HOME))
        .isEqualTo(Path.of("/xdg/sycolab"));
  }

  @Test
  void defaultsUnderTheHomeDirectory() {
    assertThat(CacheLocation.root(Map.of(CacheLocation.ENV, " "), HOME))
        .isEqualTo(Path.of("/home/ada/.cache/sycolab"));
  }
}
