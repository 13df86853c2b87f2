package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.decoder.TinyDecoderCheckpoint;
import org.sycolab.backbone.decoder.TinyTokenizer;
import org.sycolab.backbone.torchscript.TorchScriptFixture;

/**
 * What {@code pull} and {@code heads diagnose} rely on: the backbone a head records in head.json
 * describes again to the fingerprint its features were made under, defaults resolved and lengths
 * capped included.
 */
class BackboneInfoRoundTripTest {

  @TempDir Path tmp;

  private static BackboneSpec again(BackboneSpec spec, Path cache) throws Exception {
    HeadCard.BackboneInfo info = HeadCard.BackboneInfo.of(spec.reference(), spec);
    return Backbones.describe(info.reference(), info.options(), cache);
  }

  @Test
  void aDecoderDescribedWithDefaultsDescribesAgainFromItsCard() throws Exception {
    Path dir =
        TinyDecoderCheckpoint.mistral().writeModel(tmp.resolve("m"), TinyTokenizer.QWEN25_TEMPLATE);
    BackboneSpec first =
        Backbones.describe(dir.toString(), new BackboneOptions(null, true, 100_000), tmp);
    assertThat(first.options().maxLength()).isEqualTo(TinyDecoderCheckpoint.MAX_POSITIONS);
    assertThat(again(first, tmp).fingerprint()).isEqualTo(first.fingerprint());
  }

  @Test
  void aTorchScriptModuleDescribesAgainFromItsCard() throws Exception {
    Path module = TorchScriptFixture.write(tmp.resolve("ts"));
    BackboneSpec first = Backbones.describe(module.toString(), BackboneOptions.DEFAULTS, tmp);
    assertThat(first.options().maxLength()).as("the sidecar's max_length").isEqualTo(64);
    assertThat(again(first, tmp).fingerprint()).isEqualTo(first.fingerprint());
  }
}
