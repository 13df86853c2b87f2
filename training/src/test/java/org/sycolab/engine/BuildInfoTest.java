package org.sycolab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void carriesTheVersionsPinnedInThePom() {
    BuildInfo build = BuildInfo.load();
    assertThat(build.sycolabVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(build.djlVersion()).isEqualTo("0.36.0");
    assertThat(build.pytorchVersion()).isEqualTo("2.7.1");
    assertThat(build.pytorchFlavor()).isNotBlank();
    // The same Maven property feeds build.properties and the tests' ai.djl.offline.
    assertThat(build.offlineByDefault())
        .isEqualTo(Boolean.parseBoolean(System.getProperty("ai.djl.offline")));
  }
}
