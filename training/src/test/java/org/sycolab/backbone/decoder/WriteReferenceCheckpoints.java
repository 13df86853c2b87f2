package org.sycolab.backbone.decoder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the tiny checkpoints whose PyTorch hidden states {@link DecoderPyTorchFixtureTest} checks
 * against, for {@code scripts/reference/decoder_reference.py} to compute them: {@code DIR/llama}
 * and {@code DIR/qwen2}, {@code DIR} being the only argument (the script's docstring has the
 * command).
 */
public final class WriteReferenceCheckpoints {

  /** Llama with every attention option on: q/k/v/o biases, llama3 rope scaling, untied lm_head. */
  static final TinyDecoderCheckpoint LLAMA =
      TinyDecoderCheckpoint.llama()
          .withLayers(3)
          .withAttentionBias(true)
          .withLlama3RopeScaling(true)
          .withSeed(11);

  /** Qwen2: q/k/v biases, rope theta 1e6, tied embeddings. */
  static final TinyDecoderCheckpoint QWEN2 = TinyDecoderCheckpoint.qwen2().withSeed(13);

  private WriteReferenceCheckpoints() {}

  /** Writes both checkpoints under the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: WriteReferenceCheckpoints DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    LLAMA.write(dir.resolve("llama"));
    QWEN2.write(dir.resolve("qwen2"));
  }
}
