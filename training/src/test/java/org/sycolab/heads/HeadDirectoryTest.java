package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Precision;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

class HeadDirectoryTest {

  @TempDir Path tmp;

  private static HeadCard card(HeadArchitecture architecture) {
    return card(architecture, "float32");
  }

  private static HeadCard card(HeadArchitecture architecture, String dtype) {
    return new HeadCard(
        HeadCard.FORMAT,
        HeadCard.VERSION,
        "grounded",
        architecture,
        new HeadCard.BackboneInfo(
            "builtin:minilm", "bert", "abcdef0123456789", "mean", true, 256, dtype),
        architecture.inputDimension(),
        TrainingConfig.defaults(3),
        new HeadCard.DataInfo("pairs.jsonl", "00ff", "meta", 10, 2, 2),
        List.of(new EpochMetrics(0, 0.69, 0.5, 0.69, 0.5, 0)),
        0,
        false,
        Map.of("dev_accuracy", 0.5, "test_accuracy", 0.5),
        "2026-11-25T00:00:00Z",
        "test",
        null);
  }

  @Test
  void aHeadReadsBackAsWritten() throws Exception {
    HeadArchitecture mlp = HeadArchitecture.mlp(6, 4, 0.2);
    HeadWeights weights = HeadWeights.initial(mlp, 5);
    Path dir = tmp.resolve("head");
    AtomicFiles.writeDirectory(
        dir, staging -> HeadDirectory.writeInto(staging, card(mlp), weights));

    SavedHead head = HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning);
    Path weightsFile = dir.resolve(HeadDirectory.WEIGHTS);
    assertThat(head.card())
        .usingRecursiveComparison()
        .isEqualTo(
            card(mlp)
                .withWeightsFile(
                    new HeadCard.WeightsFile(
                        FileDigest.sha256(weightsFile), Files.size(weightsFile))));
    for (String name : mlp.tensorShapes().keySet()) {
      assertThat(head.weights().tensor(name)).containsExactly(weights.tensor(name));
    }
  }

  /** A sink for heads that must verify: any warning fails the test. */
  static void failOnWarning(String warning) {
    throw new AssertionError("unexpected warning: " + warning);
  }

  @Test
  void aFlippedByteAnywhereInTheWeightsIsRefused() throws Exception {
    HeadArchitecture linear = HeadArchitecture.linear(3);
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(linear), HeadWeights.initial(linear, 1));
    Path weightsFile = dir.resolve(HeadDirectory.WEIGHTS);
    byte[] good = Files.readAllBytes(weightsFile);
    for (int offset = 0; offset < good.length; offset++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] bad = good.clone();
        bad[offset] ^= (byte) bit;
        Files.write(weightsFile, bad);
        assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
            .as("bit %d at byte %d", bit, offset)
            .isInstanceOf(ModelFormatException.class)
            .hasMessage(
                weightsFile
                    + ": its bytes do not match the SHA-256 in head.json (damaged?); retrain the"
                    + " head or restore it");
      }
    }
    Files.write(weightsFile, java.util.Arrays.copyOf(good, good.length - 1));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .hasMessage(
            weightsFile
                + ": holds "
                + (good.length - 1)
                + " bytes but head.json records "
                + good.length
                + " (truncated or damaged?); retrain the head or restore it");
    Files.write(weightsFile, good);
    assertThat(
            HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning)
                .weights()
                .tensor("linear.bias"))
        .containsExactly(HeadWeights.initial(linear, 1).tensor("linear.bias"));
  }

  @Test
  void aHeadWrittenBeforeDigestsIsReadWithOneWarning() throws Exception {
    HeadArchitecture linear = HeadArchitecture.linear(3);
    Path dir = tmp.resolve("old");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(linear), HeadWeights.initial(linear, 1));
    Path json = dir.resolve(HeadDirectory.CARD);
    Files.writeString(
        json, Files.readString(json).replaceAll(",\\s*\"weights_file\" : \\{[^}]*\\}", ""));
    assertThat(Files.readString(json)).doesNotContain("weights_file").endsWith("}\n");

    List<String> warnings = new java.util.ArrayList<>();
    SavedHead head = HeadDirectory.read(dir, warnings::add);
    assertThat(head.card().weightsFile()).isNull();
    assertThat(warnings)
        .containsExactly(
            dir.resolve(HeadDirectory.WEIGHTS)
                + ": unverified: head.json records no SHA-256 for it (written by an earlier"
                + " sycolab); retrain the head to have its weights checked");
  }

  @Test
  void cardProblemsAreOneLineWithLineColumnAndField() throws Exception {
    HeadArchitecture linear = HeadArchitecture.linear(3);
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(linear), HeadWeights.initial(linear, 1));
    Path json = dir.resolve(HeadDirectory.CARD);
    String written = Files.readString(json);

    Files.writeString(
        json,
        written
            .replace("\"kind\" : \"linear\",", "\"kind\" : \"mlp\",")
            .replace("\"hidden\" : 0,", ""));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .isInstanceOf(ModelFormatException.class)
        .message()
        .matches(
            java.util.regex.Pattern.quote(json.toString())
                + ":\\d+:\\d+: architecture: MLP hidden size must be positive, got 0");

    Files.writeString(json, "{\n  \"notes\" : " + "[".repeat(2000) + written.substring(1));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .message()
        .matches(
            java.util.regex.Pattern.quote(json.toString())
                + ":2:\\d+: notes: nested more than 16 levels deep; a head card is shallow");

    Files.writeString(json, written.replace("\"best_epoch\" : 0", "\"best_epoch\" : \"zero\""));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .message()
        .matches(
            java.util.regex.Pattern.quote(json.toString())
                + ":\\d+:\\d+: best_epoch: expected a whole number, got zero");

    Files.writeString(json, written.substring(0, written.length() / 2));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .message()
        .matches(
            java.util.regex.Pattern.quote(json.toString())
                + ":\\d+:\\d+: [a-z_.\\[\\]0-9]+: the file ends early \\(truncated\\?\\)");

    Files.writeString(json, written + "{}");
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .message()
        .endsWith("card: more text after the card's closing brace");
  }

  @Test
  void aHeadOfAnotherBackboneIsRefused() throws Exception {
    HeadArchitecture linear = HeadArchitecture.linear(3);
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(linear), HeadWeights.initial(linear, 1));
    SavedHead head = HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning);

    head.requireBackbone("abcdef0123456789", "builtin:minilm");
    assertThatThrownBy(() -> head.requireBackbone("9999990123456789", "/models/bge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trained on features of backbone builtin:minilm")
        .hasMessageContaining("abcdef012345")
        .hasMessageContaining("/models/bge (fingerprint 999999012345)");
  }

  @Test
  void weightsThatDoNotFitTheCardNameTheTensor() throws Exception {
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(
        dir, card(HeadArchitecture.linear(3)), HeadWeights.initial(HeadArchitecture.linear(4), 1));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("head.safetensors")
        .hasMessageContaining("linear.weight")
        .hasMessageContaining("[1, 4]");
  }

  @Test
  void weightsHoldingNaNOrInfinityAreRefusedNamingTensorAndIndex() throws Exception {
    HeadArchitecture mlp = HeadArchitecture.mlp(3, 2, 0);
    Map<String, float[]> tensors =
        new java.util.LinkedHashMap<>(HeadWeights.initial(mlp, 1).tensors());
    float[] fc1 = tensors.get(HeadArchitecture.FC1_WEIGHT).clone();
    fc1[5] = Float.NaN; // row 1, column 2 of the (2, 3) weight
    tensors.put(HeadArchitecture.FC1_WEIGHT, fc1);
    Path dir = tmp.resolve("nan");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(mlp), new HeadWeights(mlp, tensors));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(
            dir.resolve("head.safetensors")
                + ": fc1.weight: contains NaN at [1, 2]; retrain the head (sycolab train)");

    float[] bias = tensors.get(HeadArchitecture.FC2_BIAS).clone();
    bias[0] = Float.NEGATIVE_INFINITY;
    tensors.put(HeadArchitecture.FC1_WEIGHT, HeadWeights.initial(mlp, 1).tensor("fc1.weight"));
    tensors.put(HeadArchitecture.FC2_BIAS, bias);
    Path infinite = tmp.resolve("infinite");
    Files.createDirectories(infinite);
    HeadDirectory.writeInto(infinite, card(mlp), new HeadWeights(mlp, tensors));
    assertThatThrownBy(() -> HeadDirectory.read(infinite, HeadDirectoryTest::failOnWarning))
        .hasMessageContaining("fc2.bias: contains -Infinity at [0]");
  }

  @Test
  void aDirectoryWithoutACardOrWithABrokenOneIsNotAHead() throws Exception {
    Path dir = tmp.resolve("empty");
    Files.createDirectories(dir);
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("is not a head directory");

    Files.writeString(
        dir.resolve(HeadDirectory.CARD),
        "{\"format\": \"sycolab-head\", \"version\": 1, \"architecture\": {\"kind\": \"cnn\"}}");
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("head.json")
        .hasMessageContaining("architecture.kind");
  }

  @Test
  void aFloat16CardReadsBackAsFloat16() throws Exception {
    HeadArchitecture linear = HeadArchitecture.linear(3);
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(linear, "float16"), HeadWeights.initial(linear, 1));
    assertThat(Files.readString(dir.resolve(HeadDirectory.CARD)))
        .contains("\"dtype\" : \"float16\"");
    assertThat(
            HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning)
                .card()
                .backbone()
                .options()
                .precision())
        .isEqualTo(Precision.FLOAT16);
  }

  @Test
  void aCardWithoutADtypeIsFloat32AndABadOneIsNamed() throws Exception {
    HeadArchitecture linear = HeadArchitecture.linear(3);
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(linear), HeadWeights.initial(linear, 1));
    Path json = dir.resolve(HeadDirectory.CARD);
    String written = Files.readString(json);
    assertThat(written).contains("\"dtype\" : \"float32\"");

    // Cards written before there was a choice have no such field.
    Files.writeString(json, written.replace(",\n    \"dtype\" : \"float32\"", ""));
    assertThat(Files.readString(json)).doesNotContain("dtype");
    assertThat(
            HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning)
                .card()
                .backbone()
                .options()
                .precision())
        .isEqualTo(Precision.FLOAT32);

    Files.writeString(json, written.replace("\"float32\"", "\"float8\""));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("head.json: backbone.dtype: expected float32 or float16");
  }

  @Test
  void aCardMissingAFieldNamesIt() throws Exception {
    HeadArchitecture linear = HeadArchitecture.linear(3);
    Path dir = tmp.resolve("head");
    Files.createDirectories(dir);
    HeadDirectory.writeInto(dir, card(linear), HeadWeights.initial(linear, 1));
    Path json = dir.resolve(HeadDirectory.CARD);
    Files.writeString(
        json, Files.readString(json).replace("\"fingerprint\" : \"abcdef0123456789\",", ""));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("head.json")
        .hasMessageContaining("backbone.fingerprint")
        .hasMessageContaining("missing");

    HeadDirectory.writeInto(dir, card(linear), HeadWeights.initial(linear, 1));
    Files.writeString(
        json,
        Files.readString(json).replace("\"feature_dimension\" : 3", "\"feature_dimension\" : 4"));
    assertThatThrownBy(() -> HeadDirectory.read(dir, HeadDirectoryTest::failOnWarning))
        .hasMessageContaining("feature_dimension")
        .hasMessageContaining("input dimension 3");
  }

  @Test
  void aFailedWriteLeavesNothing() {
    Path dir = tmp.resolve("head");
    assertThatThrownBy(
            () ->
                AtomicFiles.writeDirectory(
                    dir,
                    staging -> {
                      Files.writeString(staging.resolve("head.safetensors"), "partial");
                      throw new java.io.IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(tmp).isEmptyDirectory();
  }
}
