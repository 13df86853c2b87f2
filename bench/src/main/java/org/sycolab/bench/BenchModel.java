package org.sycolab.bench;

import java.io.IOException;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.bert.CrossEncodingTokenizer;
import org.sycolab.engine.CacheLocation;

/** The model both engines run, and its tokenizer without loading PyTorch. */
final class BenchModel {

  /** The model the encoder benchmark runs. */
  static final String REFERENCE = "builtin:minilm";

  private BenchModel() {}

  /** Converts the built-in model into the cache when needed; no timed run should pay for it. */
  static ModelDirectory directory() throws IOException {
    return Backbones.resolve(REFERENCE, CacheLocation.root());
  }

  /**
   * The tokenizer {@code Backbone.tokenize} delegates to, with the same effective maximum length
   * (the default options' length capped by the model's positions).
   */
  static CrossEncodingTokenizer tokenizer() throws IOException {
    BackboneSpec spec =
        Backbones.describe(REFERENCE, BackboneOptions.DEFAULTS, CacheLocation.root());
    return CrossEncodingTokenizer.load(spec.directory().tokenizer(), spec.options().maxLength());
  }
}
