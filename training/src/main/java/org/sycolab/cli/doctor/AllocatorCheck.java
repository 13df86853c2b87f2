package org.sycolab.cli.doctor;

import org.sycolab.engine.Allocator;

/**
 * Reports the malloc serving PyTorch's CPU tensors; jemalloc keeps long CPU runs on PyTorch level
 * (ONNX Runtime keeps its own arena and stays level on either).
 */
public final class AllocatorCheck implements Check {

  private final String allocator;

  /** Checks the allocator of this process. */
  public AllocatorCheck() {
    this(Allocator.current());
  }

  AllocatorCheck(String allocator) {
    this.allocator = allocator;
  }

  @Override
  public CheckResult run() {
    if (allocator.equals("jemalloc")) {
      return CheckResult.ok("allocator", "jemalloc (memory stays level over long CPU runs)");
    }
    return CheckResult.warn(
        "allocator",
        allocator
            + ": encoders on ONNX Runtime stay level, but long CPU runs on PyTorch (decoders,"
            + " reward models, --engine pytorch) grow by hundreds of MB as freed blocks fragment",
        "install jemalloc (apt install libjemalloc2); scripts/sycolab then uses it");
  }
}
