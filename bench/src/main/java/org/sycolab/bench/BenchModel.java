package org.sycolab.bench;

import java.io.IOException;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.bert.BertConfig;
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
    ModelDirectory dir = directory();
    int positions = BertConfig.from(HfConfig.read(dir.path())).maxPositions();
    int maxLength = Math.min(BackboneOptions.DEFAULTS.maxLength(), positions);
    return CrossEncodingTokenizer.load(dir.tokenizer(), maxLength);
  }
}
