package org.sycolab.engine;

import java.util.Map;

/**
 * Which malloc serves native memory (PyTorch's CPU tensors): jemalloc when {@code LD_PRELOAD} loads
 * it (scripts/sycolab does when it is installed), else the C library's.
 */
public final class Allocator {

  private Allocator() {}

  /** {@code jemalloc} or {@code glibc malloc}, for this process. */
  public static String current() {
    return of(System.getenv());
  }

  /** The allocator the given environment selects. */
  static String of(Map<String, String> env) {
    String preload = env.getOrDefault("LD_PRELOAD", "");
    return preload.contains("jemalloc") ? "jemalloc" : "glibc malloc";
  }
}
