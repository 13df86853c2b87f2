package org.sycolab.bench;

import ai.djl.Device;
import java.io.IOException;
import java.util.List;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;
import org.sycolab.engine.CacheLocation;

/** sycolab's own encoder: {@code builtin:minilm} as DJL blocks on PyTorch, on the CPU. */
final class SycolabEncoder implements Encoder {

  /** The engine's name. */
  static final String NAME = "sycolab";

  private final Backbone backbone;

  private SycolabEncoder(Backbone backbone) {
    this.backbone = backbone;
  }

  /** Opens the built-in model with the default options, as the embed command does. */
  static SycolabEncoder open() throws IOException {
    return new SycolabEncoder(
        Backbones.open(
            BenchModel.REFERENCE, BackboneOptions.DEFAULTS, Device.cpu(), CacheLocation.root()));
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    return backbone.tokenize(text);
  }

  @Override
  public float[][] encode(List<TokenizedInput> batch) {
    return backbone.embed(batch);
  }

  @Override
  public void close() {
    backbone.close();
  }
}
