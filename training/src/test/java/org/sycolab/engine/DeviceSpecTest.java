package org.sycolab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {

  private static final CudaSupport TWO_GPUS = new CudaSupport(2, true, "12040");
  private static final CudaSupport GPU_WITH_CPU_BUILD = new CudaSupport(1, false, "12040");

  @Test
  void parsesEveryAcceptedForm() {
    assertThat(DeviceSpec.parse("auto")).isEqualTo(DeviceSpec.AUTO);
    assertThat(DeviceSpec.parse(" CPU ")).isEqualTo(DeviceSpec.CPU);
    assertThat(DeviceSpec.parse("cuda")).isEqualTo(new DeviceSpec(DeviceSpec.Kind.CUDA, 0));
    assertThat(DeviceSpec.parse("cuda:3")).isEqualTo(new DeviceSpec(DeviceSpec.Kind.CUDA, 3));
    assertThat(DeviceSpec.parse("cuda:3")).hasToString("cuda:3");
    assertThat(DeviceSpec.parse("cuda")).hasToString("cuda:0");
  }

  @Test
  void rejectsOtherFormsNamingTheAcceptedOnes() {
    for (String bad : new String[] {"gpu", "cuda:", "cuda:-1", "cuda:x", "", "mps"}) {
      assertThatThrownBy(() -> DeviceSpec.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected auto, cpu, cuda or cuda:N");
    }
  }

  @Test
  void autoPicksTheFirstGpuOnlyWhenPyTorchCanUseIt() throws Exception {
    assertThat(DeviceSpec.AUTO.resolve(TWO_GPUS)).isEqualTo(Device.gpu(0));
    assertThat(DeviceSpec.AUTO.resolve(GPU_WITH_CPU_BUILD)).isEqualTo(Device.cpu());
    assertThat(DeviceSpec.AUTO.resolve(CudaSupport.NONE)).isEqualTo(Device.cpu());
  }

  @Test
  void cpuIsAlwaysTheCpu() throws Exception {
    assertThat(DeviceSpec.CPU.resolve(TWO_GPUS)).isEqualTo(Device.cpu());
  }

  @Test
  void cudaResolvesToTheIndexAsked() throws Exception {
    assertThat(DeviceSpec.parse("cuda:1").resolve(TWO_GPUS)).isEqualTo(Device.gpu(1));
  }

  @Test
  void cudaWithoutAGpuSaysSo() {
    assertThatThrownBy(() -> DeviceSpec.parse("cuda").resolve(CudaSupport.NONE))
        .isInstanceOf(DeviceUnavailableException.class)
        .hasMessageStartingWith("--device cuda:0: no CUDA GPU is visible")
        .hasMessageContaining("--device cpu");
  }

  @Test
  void cudaWithTheCpuBuildPointsToTheCudaProfile() {
    assertThatThrownBy(() -> DeviceSpec.parse("cuda").resolve(GPU_WITH_CPU_BUILD))
        .isInstanceOf(DeviceUnavailableException.class)
        .hasMessageContaining("CPU build")
        .hasMessageContaining("-Pcuda");
  }

  @Test
  void cudaIndexBeyondTheVisibleGpusNamesTheRange() {
    assertThatThrownBy(() -> DeviceSpec.parse("cuda:2").resolve(TWO_GPUS))
        .isInstanceOf(DeviceUnavailableException.class)
        .hasMessageContaining("only 2 GPU(s) visible (cuda:0 to cuda:1)");
  }
}
