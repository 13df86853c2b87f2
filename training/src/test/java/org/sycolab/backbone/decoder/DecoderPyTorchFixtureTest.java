package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.io.FileDigest;

/**
 * Checks ReferenceDecoder against final hidden states that PyTorch computed for the same tiny
 * checkpoints, those {@link WriteReferenceCheckpoints} writes ({@code
 * scripts/reference/decoder_reference.py}, whose header says how the fixtures were made); no Python
 * is needed here.
 */
class DecoderPyTorchFixtureTest {

  /** Both sides compute in double precision; only summation order differs. */
  private static final double TOLERANCE = 1e-9;

  @TempDir Path tmp;

  @Test
  void llamaMatchesPyTorch() throws IOException {
    assertMatchesFixture(WriteReferenceCheckpoints.LLAMA, "reference-llama.json");
  }

  @Test
  void qwen2MatchesPyTorch() throws IOException {
    assertMatchesFixture(WriteReferenceCheckpoints.QWEN2, "reference-qwen2.json");
  }

  private void assertMatchesFixture(TinyDecoderCheckpoint checkpoint, String resource)
      throws IOException {
    JsonNode fixture = readResource(resource);
    assertThat(fixture.get("config")).isEqualTo(checkpoint.config());
    Path dir = checkpoint.write(tmp.resolve(checkpoint.modelType()));
    assertThat(FileDigest.sha256(dir.resolve(ShardedSafetensors.SINGLE_FILE)))
        .as("the regenerated weights must be those of %s; else remake it", resource)
        .isEqualTo(fixture.get("weights_sha256").textValue());

    JsonNode idsNode = fixture.get("input_ids");
    long[] ids = new long[idsNode.size()];
    for (int t = 0; t < ids.length; t++) {
      ids[t] = idsNode.get(t).longValue();
    }
    double[][] states = checkpoint.reference().hiddenStates(ids);
    JsonNode expected = fixture.get("hidden_states");
    assertThat(expected.size()).isEqualTo(ids.length);
    double maxDifference = 0;
    for (int t = 0; t < ids.length; t++) {
      assertThat(expected.get(t).size()).isEqualTo(TinyDecoderCheckpoint.HIDDEN);
      for (int j = 0; j < TinyDecoderCheckpoint.HIDDEN; j++) {
        double difference = Math.abs(states[t][j] - expected.get(t).get(j).doubleValue());
        maxDifference = Math.max(maxDifference, difference);
      }
    }
    assertThat(maxDifference).as("max |Java − PyTorch| over %s", resource).isLessThan(TOLERANCE);
  }

  private static JsonNode readResource(String name) throws IOException {
    try (InputStream in = DecoderPyTorchFixtureTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }
}
