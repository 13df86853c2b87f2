package org.sycolab.bench;

import ai.djl.Device;
import java.io.IOException;
import java.util.List;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;
import org.sycolab.engine.CacheLocation;

/**
 * sycolab's encoder, {@code builtin:minilm} on the CPU as the embed command opens it: by default
 * with {@code --engine auto} (ONNX Runtime on sycolab's fused graph of the weights, checked against
 * the PyTorch blocks), or on sycolab's PyTorch blocks with {@link #PYTORCH}.
 */
final class SycolabEncoder implements Encoder {

  /** The default path's name. */
  static final String NAME = "sycolab";

  /** The name of the path through sycolab's PyTorch blocks ({@code --engine pytorch}). */
  static final String PYTORCH = "sycolab-pytorch";

  private final Backbone backbone;

  private SycolabEncoder(Backbone backbone) {
    this.backbone = backbone;
  }

  /** Opens the built-in model with the default options and {@code engine}, as embed does. */
  static SycolabEncoder open(EncoderEngine engine) throws IOException {
    BackboneSpec spec =
        Backbones.describe(BenchModel.REFERENCE, BackboneOptions.DEFAULTS, CacheLocation.root());
    return new SycolabEncoder(Backbones.open(spec, Device.cpu(), engine, CacheLocation.root()));
  }

  @Override
  public String runs() {
    return backbone.getClass().getSimpleName();
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
