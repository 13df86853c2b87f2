package org.sycolab.features;

/**
 * One slice of the distinct texts, so that {@code n} jobs (a SLURM array) split the work: a text
 * belongs to shard {@code key mod n} (its content key read as a number), whatever the file order.
 *
 * @param index this shard, 0-based
 * @param count number of shards
 */
public record Shard(int index, int count) {

  /** All texts. */
  public static final Shard ALL = new Shard(0, 1);

  /** Checks {@code 0 <= index < count}. */
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard must be i/n with 0 <= i < n, got " + index + "/" + count);
    }
  }

  /** Parses {@code i/n}. */
  public static Shard parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("shard must be i/n (e.g. 0/4), got '" + text + "'");
    }
    try {
      return new Shard(
          Integer.parseInt(text.substring(0, slash).trim()),
          Integer.parseInt(text.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard must be i/n (e.g. 0/4), got '" + text + "'", e);
    }
  }

  /** Whether the text with this content key (hex SHA-256) belongs to this shard. */
  public boolean contains(String contentKey) {
    return count == 1
        || Long.remainderUnsigned(Long.parseUnsignedLong(contentKey.substring(0, 15), 16), count)
            == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
