package org.sycolab.engine;

/**
 * What the machine and the loaded PyTorch build offer for CUDA.
 *
 * @param visibleGpus GPUs the CUDA driver reports (0 without a driver)
 * @param engineHasCuda whether the loaded PyTorch native library was built with CUDA
 * @param cudaVersion the driver's CUDA version, or empty when none is visible
 */
public record CudaSupport(int visibleGpus, boolean engineHasCuda, String cudaVersion) {

  /** A machine with no CUDA at all. */
  public static final CudaSupport NONE = new CudaSupport(0, false, "");

  /** True when work can run on {@code cuda:0}. */
  public boolean usable() {
    return visibleGpus > 0 && engineHasCuda;
  }
}
