package org.sycolab.pull;

import java.util.Locale;

/**
 * How much of the Java heap is in use and how far it may grow, as {@link SweepMemory} compares.
 *
 * @param max the most the heap may grow to ({@code -Xmx})
 * @param used bytes in use now
 */
public record JavaHeap(long max, long used) {

  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  /** Bytes the heap can still give. */
  public long free() {
    return Math.max(0, max - used);
  }

  /**
   * The heap of this JVM. Bytes in use count garbage not yet collected, so when fewer than {@code
   * needed} look free, a collection is requested and the heap measured again: a sweep is not
   * refused for memory that a collection would give back.
   */
  public static JavaHeap measure(long needed) {
    JavaHeap heap = now();
    if (heap.free() >= needed) {
      return heap;
    }
    System.gc();
    return now();
  }

  private static JavaHeap now() {
    Runtime runtime = Runtime.getRuntime();
    return new JavaHeap(runtime.maxMemory(), runtime.totalMemory() - runtime.freeMemory());
  }

  /**
   * A size a reader can compare: whole MiB, rounded up, below a GiB ({@code 12 MiB}); GiB with one
   * decimal from there ({@code 3.9 GiB}).
   */
  public static String size(long bytes) {
    if (bytes < GIB) {
      return ceilDiv(bytes, MIB) + " MiB";
    }
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
  }

  /**
   * The {@code -Xmx} value for a heap holding {@code needed} bytes with a quarter to spare: in
   * whole megabytes below a gigabyte ({@code 48m}), whole gigabytes from there ({@code 6g}),
   * rounded up so it is never below the need.
   */
  public static String xmx(long needed) {
    long withRoom = needed + needed / 4;
    return withRoom < GIB
        ? Math.max(1, ceilDiv(withRoom, MIB)) + "m"
        : ceilDiv(withRoom, GIB) + "g";
  }

  private static long ceilDiv(long bytes, long unit) {
    return Math.max(0, (bytes + unit - 1) / unit);
  }
}
