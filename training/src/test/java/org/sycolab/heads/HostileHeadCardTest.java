package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;

/**
 * The head reader against 300 hostile variants of a valid {@code head.json} (truncations, bit
 * flips, JSON's own sharp characters inserted or deleted, nesting far past the limit): each reads,
 * or fails with one line that starts with the head's card or weights file and speaks the project's
 * words, never the parser's; nothing is written.
 */
class HostileHeadCardTest {

  private static final byte[] SHARP = {
    '{',
    '}',
    '[',
    ']',
    ':',
    ',',
    '"',
    '\\',
    '-',
    '.',
    'e',
    '0',
    'n',
    ' ',
    '\n',
    0,
    (byte) 0xC3,
    (byte) 0xFF
  };

  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|Error\\b|Cannot |java\\.|jackson|fasterxml|sycolab\\.|Source:|`[\\w.]+`"
              + "|StreamReadConstraints|maximum allowed");

  private static final int[] DEPTHS = {17, 1_000, 100_000};

  @TempDir Path tmp;

  @Test
  void hostileCardsFailInOneNamedLineEach() throws IOException {
    HeadArchitecture mlp = HeadArchitecture.mlp(3, 2, 0.1);
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(mlp), HeadWeights.initial(mlp, 1));
    Path cardFile = dir.resolve(HeadDirectory.CARD);
    byte[] valid = Files.readAllBytes(cardFile);
    List<Path> files = listing(dir);
    Random random = new Random(21);
    List<String> unclean = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int at = random.nextInt(valid.length + 1);
      byte[] bytes;
      String what;
      switch (i % 5) {
        case 0 -> {
          bytes = Arrays.copyOf(valid, at);
          what = "truncate at " + at;
        }
        case 1 -> {
          int flipAt = Math.min(at, valid.length - 1);
          bytes = valid.clone();
          int bit = 1 << random.nextInt(8);
          bytes[flipAt] ^= (byte) bit;
          what = "flip " + bit + " at " + flipAt;
        }
        case 2 -> {
          byte b = SHARP[random.nextInt(SHARP.length)];
          bytes = splice(valid, at, 0, new byte[] {b});
          what = "insert " + (b & 0xff) + " at " + at;
        }
        case 3 -> {
          int n = Math.min(1 + random.nextInt(3), valid.length - at);
          bytes = splice(valid, at, n, new byte[0]);
          what = "delete " + n + " at " + at;
        }
        default -> {
          int depth = DEPTHS[random.nextInt(DEPTHS.length)];
          bytes = splice(valid, at, 0, "[".repeat(depth).getBytes(StandardCharsets.US_ASCII));
          what = "nest " + depth + " at " + at;
        }
      }
      Files.write(cardFile, bytes);
      String problem = problem(dir);
      boolean clean =
          problem == null
              || (problem.startsWith(dir.toString())
                  && problem.lines().count() == 1
                  && !LEAK.matcher(problem).find());
      if (!clean) {
        unclean.add(what + ": " + problem);
      }
      assertThat(listing(dir)).as(what).isEqualTo(files);
    }
    assertThat(unclean).isEmpty();
  }

  /** The error reading the head, or null when it reads. */
  private static String problem(Path dir) throws IOException {
    try {
      HeadDirectory.read(dir, warning -> {});
      return null;
    } catch (ModelFormatException e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      return "not a format error: " + e;
    }
  }

  private static HeadCard card(HeadArchitecture architecture) {
    return new HeadCard(
        HeadCard.FORMAT,
        HeadCard.VERSION,
        "grounded",
        architecture,
        new HeadCard.BackboneInfo(
            "builtin:minilm", "bert", "abcdef0123456789", "mean", true, 256, "float32"),
        architecture.inputDimension(),
        TrainingConfig.defaults(3),
        new HeadCard.DataInfo("pairs.jsonl", "00ff", "meta", 10, 2, 2),
        List.of(
            new EpochMetrics(0, 0.69, 0.5, 0.69, 0.5, 0),
            new EpochMetrics(1, 0.6, 0.6, 0.65, 0.5, 0.25)),
        1,
        false,
        Map.of("dev_accuracy", 0.5, "test_accuracy", 0.5),
        "2026-11-25T00:00:00Z",
        "test",
        null);
  }

  private static byte[] splice(byte[] valid, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, at);
    out.write(insert, 0, insert.length);
    out.write(valid, at + remove, valid.length - at - remove);
    return out.toByteArray();
  }

  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
