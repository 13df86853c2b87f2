package org.sycolab.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile variants of a valid file, the same for the same seed: truncations, bit flips, inserted
 * and deleted bytes, lone surrogate escapes and nesting far past any limit. Each variant is named
 * by what was done, so a failing case can be rebuilt by hand.
 */
public final class HostileBytes {

  /** Bytes that matter to the readers: structure, quotes, escapes, line ends, bad UTF-8. */
  private static final byte[] SHARP = {
    '{',
    '}',
    '[',
    ']',
    '"',
    '\\',
    ',',
    ':',
    '\n',
    '\r',
    '\t',
    '\'',
    '&',
    '*',
    '!',
    '#',
    '-',
    0,
    (byte) 0xC3,
    (byte) 0xED,
    (byte) 0xFF,
    (byte) 0x80
  };

  private static final int[] DEPTHS = {65, 1_000, 100_000};

  private HostileBytes() {}

  /**
   * One hostile variant of a file.
   *
   * @param what how it was made, e.g. {@code flip 0x04 at 17}
   * @param bytes the file's bytes
   */
  public record Variant(String what, byte[] bytes) {}

  /** {@code count} variants of {@code valid}, drawn from {@code seed}. */
  public static List<Variant> of(byte[] valid, long seed, int count) {
    Random random = new Random(seed);
    List<Variant> variants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int at = random.nextInt(valid.length + 1);
      variants.add(
          switch (i % 7) {
            case 0 -> new Variant("truncate at " + at, Arrays.copyOf(valid, at));
            case 1 -> flip(valid, random);
            case 2 -> {
              byte b = SHARP[random.nextInt(SHARP.length)];
              yield new Variant(
                  String.format("insert 0x%02x at %d", b & 0xff, at),
                  splice(valid, at, 0, new byte[] {b}));
            }
            case 3 -> {
              int n = Math.min(1 + random.nextInt(4), valid.length - Math.min(at, valid.length));
              yield new Variant("delete " + n + " at " + at, splice(valid, at, n, new byte[0]));
            }
            case 4 -> {
              Variant v = flip(valid, random);
              Variant w = flip(v.bytes(), random);
              yield new Variant(v.what() + ", " + w.what(), w.bytes());
            }
            case 5 -> {
              int depth = DEPTHS[random.nextInt(DEPTHS.length)];
              String deep = "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : 0);
              yield new Variant(
                  "nest " + depth + " at " + at,
                  splice(valid, at, 0, deep.getBytes(StandardCharsets.US_ASCII)));
            }
            default ->
                new Variant(
                    "lone surrogate escape at " + at,
                    splice(valid, at, 0, "\\ud800".getBytes(StandardCharsets.US_ASCII)));
          });
    }
    return variants;
  }

  private static Variant flip(byte[] valid, Random random) {
    int at = random.nextInt(valid.length);
    int bit = 1 << random.nextInt(8);
    byte[] bytes = valid.clone();
    bytes[at] ^= (byte) bit;
    return new Variant(String.format("flip 0x%02x at %d", bit, at), bytes);
  }

  private static byte[] splice(byte[] valid, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, at);
    out.write(insert, 0, insert.length);
    out.write(valid, at + remove, valid.length - at - remove);
    return out.toByteArray();
  }
}
