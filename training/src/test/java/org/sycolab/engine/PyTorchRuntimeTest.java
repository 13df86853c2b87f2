package org.sycolab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class PyTorchRuntimeTest {

  @Test
  void loadsThePinnedPyTorchWithoutTheNetwork() throws Exception {
    assertThat(PyTorchRuntime.offline()).isEqualTo(BuildInfo.load().offlineByDefault());
    Engine engine = PyTorchRuntime.engine();
    assertThat(engine.getEngineName()).isEqualTo("PyTorch");
    assertThat(engine.getVersion()).isEqualTo(BuildInfo.load().pytorchVersion());
  }

  @Test
  void reportsCudaConsistently() throws Exception {
    CudaSupport cuda = PyTorchRuntime.cudaSupport(PyTorchRuntime.engine());
    assertThat(cuda.visibleGpus()).isNotNegative();
    assertThat(cuda.usable()).isEqualTo(cuda.visibleGpus() > 0 && cuda.engineHasCuda());
  }

  @Test
  void userChoiceOfOfflineModeIsKept() {
    String before = System.getProperty("ai.djl.offline");
    try {
      System.setProperty("ai.djl.offline", "true");
      BuildInfo online = new BuildInfo("0", "0.36.0", "2.7.1", "cuda", "1.22.0", false);
      assertThat(PyTorchRuntime.configureOfflineMode(online)).isTrue();
      assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    } finally {
      if (before == null) {
        System.clearProperty("ai.djl.offline");
      } else {
        System.setProperty("ai.djl.offline", before);
      }
    }
  }
}
