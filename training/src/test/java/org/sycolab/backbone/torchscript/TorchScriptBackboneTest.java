package org.sycolab.backbone.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

/** The traced fixture decoder, loaded through DJL, against the numbers PyTorch gave for it. */
class TorchScriptBackboneTest {

  @TempDir Path tmp;

  private static TokenizedInput input(long[] ids) {
    return new TokenizedInput(ids, new long[ids.length]);
  }

  @Test
  void lastTokenStatesMatchPyTorch() throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    List<TorchScriptFixture.Expected> expected = TorchScriptFixture.expected();
    try (TorchScriptBackbone backbone =
        TorchScriptBackbone.load(
            TorchScriptFixture.describe(module, TorchScriptFixture.RAW), Device.cpu())) {
      assertThat(backbone.dimension()).isEqualTo(TorchScriptFixture.WIDTH);
      List<TokenizedInput> all = new ArrayList<>();
      for (TorchScriptFixture.Expected sequence : expected) {
        float[] alone = backbone.embed(List.of(input(sequence.ids())))[0];
        assertThat(alone).containsExactly(sequence.lastHidden(), within(1e-5f));
        all.add(input(sequence.ids()));
      }
      float[][] batched = backbone.embed(all);
      for (int i = 0; i < batched.length; i++) {
        assertThat(batched[i]).containsExactly(expected.get(i).lastHidden(), within(1e-5f));
      }
    }
  }

  @Test
  void paddingNeverChangesARowsVector() throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    for (Pooling pooling : List.of(Pooling.LAST, Pooling.MEAN)) {
      BackboneOptions options = new BackboneOptions(pooling, true, 64);
      try (TorchScriptBackbone backbone =
          TorchScriptBackbone.load(TorchScriptFixture.describe(module, options), Device.cpu())) {
        TokenizedInput shortInput =
            backbone.tokenize(new PairText(List.of(Turn.user("Hi?")), "Yes."));
        TokenizedInput longInput =
            backbone.tokenize(
                new PairText(
                    List.of(Turn.user("Is the earth flat? Answer at length.")),
                    "No, it is very nearly a sphere, slightly flattened at the poles."));
        assertThat(longInput.length()).isGreaterThan(shortInput.length() + 20);
        float[] alone = backbone.embed(List.of(shortInput))[0];
        float[][] padded = backbone.embed(List.of(longInput, shortInput));
        assertThat(padded[1]).containsExactly(alone, within(1e-6f));
        assertThat(padded[0]).isNotEqualTo(padded[1]);
      }
    }
  }
}
