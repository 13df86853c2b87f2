package org.sycolab.cli.doctor;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.EngineUnavailableException;
import org.sycolab.engine.PyTorchRuntime;

/**
 * The PyTorch native library loads through DJL, has the pinned version, and computes: the sum of
 * [1, 2, 3] comes back as 6.
 */
public final class PyTorchCheck implements Check {

  private final BuildInfo build;

  /** Checks against the versions this build pins. */
  public PyTorchCheck(BuildInfo build) {
    this.build = build;
  }

  @Override
  public CheckResult run() {
    Engine engine;
    try {
      engine = PyTorchRuntime.engine();
    } catch (EngineUnavailableException e) {
      return CheckResult.fail(
          "pytorch", e.getMessage(), "run 'scripts/sycolab doctor -v' to see DJL's own messages");
    }
    String mode = PyTorchRuntime.offline() ? "offline" : "online: DJL may download";
    String detail =
        "PyTorch "
            + engine.getVersion()
            + " via DJL "
            + Engine.getDjlVersion()
            + " ("
            + mode
            + "); native library in "
            + PyTorchRuntime.nativeCacheDir();
    if (!engine.getVersion().equals(build.pytorchVersion())) {
      return CheckResult.fail(
          "pytorch",
          detail + "; this build pins PyTorch " + build.pytorchVersion(),
          "unset PYTORCH_VERSION / PYTORCH_LIBRARY_PATH, which make DJL load another library");
    }
    try (NDManager manager = engine.newBaseManager()) {
      float sum = manager.create(new float[] {1f, 2f, 3f}).sum().getFloat();
      if (sum != 6f) {
        return CheckResult.fail(
            "pytorch",
            detail + "; sum of [1, 2, 3] came back as " + sum,
            "delete " + PyTorchRuntime.nativeCacheDir() + " so DJL extracts the library again");
      }
    } catch (RuntimeException e) {
      return CheckResult.fail(
          "pytorch", detail + "; a tensor operation failed: " + e.getMessage(), "run with -v");
    }
    return CheckResult.ok("pytorch", detail);
  }
}
