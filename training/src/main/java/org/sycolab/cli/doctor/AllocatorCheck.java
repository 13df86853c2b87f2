package org.sycolab.cli.doctor;

import org.sycolab.engine.Allocator;

/** Reports the malloc serving PyTorch's CPU tensors; jemalloc keeps long CPU runs level. */
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
        allocator + ": long CPU embedding runs grow by hundreds of MB as freed blocks fragment",
        "install jemalloc (apt install libjemalloc2); scripts/sycolab then uses it");
  }
}
