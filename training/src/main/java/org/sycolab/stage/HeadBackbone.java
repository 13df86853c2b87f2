package org.sycolab.stage;

import java.io.IOException;
import java.util.List;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.engine.CacheLocation;
import org.sycolab.heads.HeadCard;
import org.sycolab.heads.SavedHead;

/**
 * The backbone trained heads score on: the one their {@code head.json} cards record, found again
 * (where it moved, when told) and checked against their fingerprint before use.
 */
public final class HeadBackbone {

  private HeadBackbone() {}

  /**
   * The backbone every head was trained on, at {@code model} when given (null: where the cards
   * say). Heads of different backbones, or a {@code model} whose fingerprint differs from the
   * heads', are refused.
   */
  public static BackboneSpec resolve(List<SavedHead> heads, String model) throws IOException {
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
