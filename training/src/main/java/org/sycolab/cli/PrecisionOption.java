package org.sycolab.cli;

import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Precision;
import picocli.CommandLine.Option;

/** {@code --dtype}: the type a model's weights and activations are held in. */
final class PrecisionOption {

  @Option(
      names = "--dtype",
      paramLabel = "T",
      defaultValue = BackboneOptions.DTYPE,
      description =
          "float32 or float16 (decoders; for a CUDA GPU): the type weights and activations are"
              + " held in; checkpoints in bfloat16, float16 or float32 convert on load"
              + " (default: ${DEFAULT-VALUE}).")
  String text;

  /** The precision asked for, refused naming the option. */
  Precision precision() {
    try {
      return Precision.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dtype: " + e.getMessage(), e);
    }
  }
}
