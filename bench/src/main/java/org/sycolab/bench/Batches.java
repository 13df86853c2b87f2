package org.sycolab.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.sycolab.backbone.TokenizedInput;

/**
 * Batching as production runs it: inputs sorted by token count (a stable sort, so ties keep text
 * order), then cut into consecutive batches, run shortest first. Similar lengths share a batch, so
 * little compute goes to padding.
 */
final class Batches {

  private Batches() {}

  /** Sorts by length and buckets into batches of {@code size} (the last may be smaller). */
  static List<List<TokenizedInput>> sortAndBucket(List<TokenizedInput> inputs, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + size);
    }
    List<TokenizedInput> sorted = new ArrayList<>(inputs);
    sorted.sort(Comparator.comparingInt(TokenizedInput::length));
    List<List<TokenizedInput>> batches = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += size) {
      batches.add(List.copyOf(sorted.subList(from, Math.min(from + size, sorted.size()))));
    }
    return batches;
  }

  /** Real (unpadded) tokens in all batches. */
  static long tokens(List<List<TokenizedInput>> batches) {
    return batches.stream().flatMap(List::stream).mapToLong(TokenizedInput::length).sum();
  }

  /** Tokens the engines compute on: every batch padded to its longest input. */
  static long paddedTokens(List<List<TokenizedInput>> batches) {
    long total = 0;
    for (List<TokenizedInput> batch : batches) {
      total +=
          (long) batch.size() * batch.stream().mapToInt(TokenizedInput::length).max().orElse(0);
    }
    return total;
  }

  /** The longest input's token count. */
  static int maxLength(List<List<TokenizedInput>> batches) {
    return batches.stream().flatMap(List::stream).mapToInt(TokenizedInput::length).max().orElse(0);
  }

  /**
   * SHA-256 (first 16 hex digits) over every batch's ids and type ids in order: two processes with
   * the same digest ran exactly the same batches.
   */
  static String digest(List<List<TokenizedInput>> batches) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    for (List<TokenizedInput> batch : batches) {
      sha.update(ByteBuffer.allocate(4).putInt(batch.size()).array());
      for (TokenizedInput input : batch) {
        ByteBuffer bytes = ByteBuffer.allocate(4 + 16 * input.length());
        bytes.putInt(input.length());
        for (int i = 0; i < input.length(); i++) {
          bytes.putLong(input.ids()[i]).putLong(input.typeIds()[i]);
        }
        sha.update(bytes.array());
      }
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }
}
