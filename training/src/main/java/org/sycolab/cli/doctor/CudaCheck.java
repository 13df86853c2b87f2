package org.sycolab.cli.doctor;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.sycolab.engine.CudaSupport;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.engine.DeviceUnavailableException;
import org.sycolab.engine.EngineUnavailableException;
import org.sycolab.engine.PyTorchRuntime;

/**
 * Whether CUDA is visible and usable by the loaded PyTorch build, and whether the requested {@code
 * --device} resolves; a usable GPU must also compute a small sum.
 */
public final class CudaCheck implements Check {

  private static final String NAME = "cuda";

  private final DeviceSpec requested;

  /** Checks CUDA for the device the user asked for. */
  public CudaCheck(DeviceSpec requested) {
    this.requested = requested;
  }

  @Override
  public CheckResult run() {
    Engine engine;
    try {
      engine = PyTorchRuntime.engine();
    } catch (EngineUnavailableException e) {
      return CheckResult.warn(NAME, "not checked: PyTorch did not load", "fix 'pytorch' first");
    }
    CudaSupport cuda = PyTorchRuntime.cudaSupport(engine);
    Device device;
    try {
      device = requested.resolve(cuda);
    } catch (DeviceUnavailableException e) {
      return CheckResult.fail(NAME, e.getMessage(), "use --device cpu or auto, or see README");
    }
    if (cuda.visibleGpus() == 0) {
      return CheckResult.ok(NAME, "no CUDA GPU visible; computing on cpu");
    }
    if (!cuda.engineHasCuda()) {
      return CheckResult.warn(
          NAME,
          cuda.visibleGpus() + " GPU(s) visible, but this build carries the CPU PyTorch library",
          "build with the cuda profile to use them (README, 'On a CUDA workstation')");
    }
    if (device.isGpu()) {
      try (NDManager manager = engine.newBaseManager(device)) {
        float sum = manager.create(new float[] {1f, 2f, 3f}).sum().getFloat();
        if (sum != 6f) {
          return CheckResult.fail(NAME, "sum of [1, 2, 3] on " + device + " gave " + sum, "");
        }
      } catch (RuntimeException e) {
        return CheckResult.fail(
            NAME,
            "a tensor operation on " + device + " failed: " + e.getMessage(),
            "check the NVIDIA driver (nvidia-smi) and that DJL fetched a matching CUDA build");
      }
    }
    return CheckResult.ok(
        NAME,
        cuda.visibleGpus()
            + " GPU(s), CUDA "
            + cuda.cudaVersion()
            + "; computing on "
            + (device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu"));
  }
}
