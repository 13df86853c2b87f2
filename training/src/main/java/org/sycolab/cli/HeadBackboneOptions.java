package org.sycolab.cli;

import java.io.IOException;
import java.util.List;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.heads.SavedHead;
import org.sycolab.stage.HeadBackbone;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --model} and {@code --batch-size} of the commands that score with trained heads: the
 * backbone comes from the heads' {@code head.json}, and is found again (and checked) before use.
 */
final class HeadBackboneOptions {

  @Option(
      names = "--model",
      paramLabel = "M",
      description =
          "Where the heads' backbone is now, when it moved; its fingerprint must still match.")
  String model;

  @Mixin BatchSizeOption batchSize;

  /** Refuses a batch size below one. */
  void check() {
    batchSize.check();
  }

  /**
   * The backbone every head was trained on, at {@code --model} when given (see {@link
   * HeadBackbone#resolve}).
   */
  BackboneSpec resolve(List<SavedHead> heads) throws IOException {
    return HeadBackbone.resolve(heads, model);
  }
}
