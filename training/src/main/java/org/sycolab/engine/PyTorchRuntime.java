package org.sycolab.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.nio.file.Path;

/**
 * The DJL PyTorch engine as sycolab uses it: offline unless the build says otherwise, loaded once,
 * with failures turned into messages that say what is missing.
 */
public final class PyTorchRuntime {

  /** DJL's name for the PyTorch engine. */
  public static final String ENGINE_NAME = "PyTorch";

  private static final String OFFLINE_PROPERTY = "ai.djl.offline";
  private static final String OFFLINE_ENV = "DJL_OFFLINE";

  private PyTorchRuntime() {}

  /**
   * Sets DJL's offline mode to the build's default unless the user chose one ({@code
   * -Dai.djl.offline} or {@code DJL_OFFLINE}). Call before anything touches DJL.
   *
   * @return whether DJL will run offline
   */
  public static boolean configureOfflineMode(BuildInfo build) {
    String chosen = System.getProperty(OFFLINE_PROPERTY, System.getenv(OFFLINE_ENV));
    if (chosen == null || chosen.isBlank()) {
      System.setProperty(OFFLINE_PROPERTY, Boolean.toString(build.offlineByDefault()));
      return build.offlineByDefault();
    }
    return Boolean.parseBoolean(chosen.trim());
  }

  /** Whether DJL is set to run offline. */
  public static boolean offline() {
    return Boolean.parseBoolean(Utils.getEnvOrSystemProperty(OFFLINE_PROPERTY));
  }

  /**
   * Loads (once) and returns the PyTorch engine.
   *
   * @throws EngineUnavailableException when the native library cannot be loaded
   */
  public static Engine engine() throws EngineUnavailableException {
    try {
      return Engine.getEngine(ENGINE_NAME);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new EngineUnavailableException(
          "the PyTorch native library could not be loaded ("
              + rootMessage(e)
              + "). "
              + (offline()
                  ? "DJL is offline, so the pytorch-native-cpu jar must be on the classpath:"
                      + " run through scripts/sycolab, which builds the classpath with it."
                  : "DJL is online and tried to fetch it; check the network and ~/.djl.ai."),
          e);
    }
  }

  /**
   * The device {@code spec} asks for on this machine, with the PyTorch engine loaded.
   *
   * @throws DeviceUnavailableException when CUDA is asked for and cannot be used
   * @throws EngineUnavailableException when the native library cannot be loaded
   */
  public static Device device(DeviceSpec spec)
      throws DeviceUnavailableException, EngineUnavailableException {
    return spec.resolve(cudaSupport(engine()));
  }

  /** What CUDA the machine and the loaded engine offer. */
  public static CudaSupport cudaSupport(Engine engine) {
    int gpus = engine.getGpuCount();
    String version = gpus > 0 ? CudaUtils.getCudaVersionString() : "";
    return new CudaSupport(
        gpus, engine.hasCapability(StandardCapabilities.CUDA), version == null ? "" : version);
  }

  /** The directory DJL extracts (or downloads) the PyTorch native libraries into. */
  public static Path nativeCacheDir() {
    return Utils.getEngineCacheDir("pytorch");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String name = root.getClass().getSimpleName();
    return root.getMessage() == null ? name : name + ": " + root.getMessage();
  }
}
