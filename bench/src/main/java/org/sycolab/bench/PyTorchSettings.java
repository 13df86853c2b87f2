package org.sycolab.bench;

import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.PyTorchRuntime;

/**
 * What a benchmark process sets before DJL loads PyTorch: offline mode as {@code sycolab} itself
 * decides it (the build's default, or {@code DJL_OFFLINE}), and the engine's thread counts unless
 * given as JVM options.
 */
final class PyTorchSettings {
  private PyTorchSettings() {}

  /** Applies the settings for {@code threads} intra-op threads and one inter-op thread. */
  static void apply(int threads) {
    PyTorchRuntime.configureOfflineMode(BuildInfo.load());
    setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
