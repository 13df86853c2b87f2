package org.sycolab.pull;

/**
 * How much of the Java heap is in use and how far it may grow, as {@link SweepMemory} compares.
 *
 * @param max the most the heap may grow to ({@code -Xmx})
 * @param used bytes in use now
 */
public record JavaHeap(long max, long used) {

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
}
