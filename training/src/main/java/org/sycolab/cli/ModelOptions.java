package org.sycolab.cli;

import java.util.Locale;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Pooling;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The backbone and the options that shape its vectors, shared by the commands that embed. */
final class ModelOptions {

  @Option(
      names = "--model",
      paramLabel = "M",
      defaultValue = "builtin:minilm",
      description =
          "builtin:minilm (all-MiniLM-L6-v2, shipped in a Maven artifact) or a Hugging Face model"
              + " directory with config.json, *.safetensors and tokenizer.json"
              + " (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--pooling",
      paramLabel = "P",
      defaultValue = "mean",
      description = "mean (over non-padding tokens) or cls (default: ${DEFAULT-VALUE}).")
  String pooling;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "256",
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
    Pooling p =
        Pooling.parse(pooling.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--pooling must be mean or cls, got '" + pooling + "'"));
    batchSize.check();
    return new BackboneOptions(p, !noNormalize, maxLength);
  }
}
