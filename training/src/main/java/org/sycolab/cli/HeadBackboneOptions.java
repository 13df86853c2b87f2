package org.sycolab.cli;

import java.io.IOException;
import java.util.List;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.engine.CacheLocation;
import org.sycolab.heads.HeadCard;
import org.sycolab.heads.SavedHead;
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
   * The backbone every head was trained on, at {@code --model} when given. Heads of different
   * backbones, or a {@code --model} whose fingerprint differs from the heads', are refused.
   */
  BackboneSpec resolve(List<SavedHead> heads) throws IOException {
    HeadCard.BackboneInfo first = heads.get(0).card().backbone();
    for (SavedHead head : heads) {
      if (!head.card().backbone().fingerprint().equals(first.fingerprint())) {
        throw new IllegalArgumentException(
            "heads "
                + heads.get(0).directory()
                + " and "
                + head.directory()
                + " were trained on different backbones ("
                + first.reference()
                + " with fingerprint "
                + first.fingerprint()
                + ", "
                + head.card().backbone().reference()
                + " with fingerprint "
                + head.card().backbone().fingerprint()
                + ": other weights, tokenizer, pooling or length); use heads of one backbone"
                + " together");
      }
    }
    String reference = model != null ? model : first.reference();
    BackboneSpec backbone = Backbones.describe(reference, first.options(), CacheLocation.root());
    heads.forEach(head -> head.requireBackbone(backbone.fingerprint(), reference));
    return backbone;
  }
}
