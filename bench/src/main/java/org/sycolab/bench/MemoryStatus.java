package org.sycolab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory from {@code /proc/self/status}: now ({@code VmRSS}) and at its
 * peak ({@code VmHWM}), Java heap and native memory together. -1 where /proc is missing.
 */
final class MemoryStatus {

  private static final Path STATUS = Path.of("/proc/self/status");

  private MemoryStatus() {}

  /** Peak resident set size in MiB. */
  static long peakRssMb() {
    return fieldMb("VmHWM:");
  }

  /** Current resident set size in MiB. */
  static long rssMb() {
    return fieldMb("VmRSS:");
  }

  /** Java heap committed by the JVM in MiB: the part of the resident memory the JVM owns. */
  static long javaHeapMb() {
    return Math.round(Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0));
  }

  private static long fieldMb(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          String kb = line.substring(field.length()).trim().split("\\s+")[0];
          return Math.round(Long.parseLong(kb) / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
