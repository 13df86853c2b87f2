package org.sycolab.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllocatorCheckTest {

  @Test
  void jemallocPasses() {
    assertThat(new AllocatorCheck("jemalloc").run().status()).isEqualTo(CheckResult.Status.OK);
  }

  @Test
  void glibcWarnsAndSaysHowToInstallJemalloc() {
    CheckResult result = new AllocatorCheck("glibc malloc").run();
    assertThat(result.status()).isEqualTo(CheckResult.Status.WARN);
    assertThat(result.fix()).contains("libjemalloc2");
  }
}
