package org.sycolab.pull;

/**
 * The candidates of one pool in ascending order of reward, with ties grouped. Reused across pools
 * of up to its capacity, so a sweep allocates nothing per pool.
 */
final class Ranking {
  private int[] order;
  private int[] groupEnd;
  private int size;
  private int groups;

  Ranking(int capacity) {
    order = new int[capacity];
    groupEnd = new int[capacity];
  }

  /** Ranks {@code reward[0..size)}; equal rewards (exactly equal doubles) form one group. */
  void rank(double[] reward, int size) {
    if (order.length < size) {
      order = new int[size];
      groupEnd = new int[size];
    }
    this.size = size;
    for (int i = 0; i < size; i++) {
      int j = i;
      while (j > 0 && reward[order[j - 1]] > reward[i]) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    groups = 0;
    for (int i = 1; i <= size; i++) {
      if (i == size || reward[order[i]] != reward[order[i - 1]]) {
        groupEnd[groups++] = i;
      }
    }
  }

  int size() {
    return size;
  }

  int groups() {
    return groups;
  }

  /** Position (in ascending order) where group {@code g} starts. */
  int groupStart(int g) {
    return g == 0 ? 0 : groupEnd[g - 1];
  }

  /** Position just past group {@code g}. */
  int groupEnd(int g) {
    return groupEnd[g];
  }

  /** The candidate at ascending position {@code i}. */
  int candidate(int i) {
    return order[i];
  }
}
