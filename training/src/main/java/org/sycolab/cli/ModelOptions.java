package org.sycolab.cli;

import org.sycolab.backbone.BackboneOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The backbone and the options that shape its vectors, shared by the commands that embed. */
final class ModelOptions {

  @Option(
      names = "--model",
      paramLabel = "M",
      defaultValue = "builtin:minilm",
      description =
          "builtin:minilm (all-MiniLM-L6-v2, shipped in a Maven artifact); a Hugging Face model"
              + " directory with config.json, *.safetensors and tokenizer.json (bert, llama,"
              + " qwen2, mistral); or a TorchScript .pt/.ts/.torchscript file with tokenizer.json"
              + " beside it"
              + " (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--pooling",
      paramLabel = "P",
      description =
          "mean (over non-padding tokens), cls (first token) or last (last non-padding token)"
              + " (default: mean for encoders; last for decoders, and for TorchScript modules"
              + " unless their torchscript.json says otherwise).")
  String pooling;

  @Mixin PrecisionOption dtype;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "" + BackboneOptions.MAX_LENGTH,
      description =
          "Most tokens per input, capped by the model; longer pairs keep the end of the prompt and"
              + " the start of the response (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(
      names = "--no-normalize",
      description = "Keep the pooled vectors as they are instead of scaling them to unit length.")
  boolean noNormalize;

  @Mixin BatchSizeOption batchSize;

  /** The options as the backbone takes them. */
  BackboneOptions backboneOptions() {
    BackboneOptions options = BackboneOptions.parse(pooling, !noNormalize, maxLength, dtype.text);
    batchSize.check();
    return options;
  }
}
