package org.sycolab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment reader against 150 hostile variants of a valid file (truncations, bit flips,
 * YAML's own sharp characters inserted or deleted, nesting far past any limit): each reads, or
 * fails with {@link InvalidExperimentException} whose every line names the file, in the project's
 * words; nothing is written.
 */
class HostileYamlTest {

  private static final String VALID =
      """
      name: hostile
      data:
        generate: {seed: 1, pairs: 200}
      backbone:
        model: builtin:minilm
      heads:
        architecture: mlp
        seeds: [1, 2]
        mixture: [0, 0.5]
        heldout_domains: [units]
      pull:
        lambda: "0:1:0.5"
        n: [1, 4]
        beta: [0.5, 1]
        bootstrap: 100
      """;

  private static final byte[] SHARP = {
    ':',
    '-',
    '[',
    ']',
    '{',
    '}',
    '&',
    '*',
    '!',
    '|',
    '>',
    '#',
    '\'',
    '"',
    '\t',
    '\n',
    ' ',
    '%',
    '@',
    '`',
    ',',
    '?',
    0,
    (byte) 0xC3,
    (byte) 0xFF
  };

  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|Error\\b|Cannot invoke|java\\.|snakeyaml|fasterxml|Source: REDACTED");

  private static final int[] DEPTHS = {65, 1_000, 100_000};

  @TempDir Path dir;

  @Test
  void hostileExperimentFilesFailInOneNamedLineEach() throws IOException {
    Path file = dir.resolve("exp.yaml");
    Files.writeString(file, VALID);
    assertThat(ExperimentFile.read(file).name()).isEqualTo("hostile");
    byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
    Random random = new Random(21);
    List<String> unclean = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
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
      Files.write(file, bytes);
      for (String line : problems(file)) {
        boolean clean = line.startsWith(file.toString()) && !LEAK.matcher(line).find();
        if (!clean) {
          unclean.add(what + ": " + line);
        }
      }
      assertThat(listing()).as(what).containsExactly(file);
    }
    assertThat(unclean).isEmpty();
  }

  private static List<String> problems(Path file) throws IOException {
    try {
      ExperimentFile.read(file);
      return List.of();
    } catch (InvalidExperimentException e) {
      return new ArrayList<>(e.getMessage().lines().toList());
    }
  }

  private static byte[] splice(byte[] valid, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, at);
    out.write(insert, 0, insert.length);
    out.write(valid, at + remove, valid.length - at - remove);
    return out.toByteArray();
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
