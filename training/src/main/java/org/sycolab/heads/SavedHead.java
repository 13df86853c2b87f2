package org.sycolab.heads;

import java.nio.file.Path;

/**
 * A head read from its directory.
 *
 * @param directory where it was read from
 * @param card its head.json
 * @param weights its weights
 */
public record SavedHead(Path directory, HeadCard card, HeadWeights weights) {

  /**
   * Refuses to score features of another backbone: a head's weights mean nothing on vectors from
   * different weights, tokenizer, pooling or length limit.
   *
   * @param fingerprint the fingerprint of the backbone about to be used
   * @param reference that backbone as given, for the message
   */
  public void requireBackbone(String fingerprint, String reference) {
    String trained = card.backbone().fingerprint();
    if (!trained.equals(fingerprint)) {
      throw new IllegalArgumentException(
          "head "
              + directory
              + " was trained on features of backbone "
              + card.backbone().reference()
              + " (fingerprint "
              + abbreviate(trained)
              + "), but these come from "
              + reference
              + " (fingerprint "
              + abbreviate(fingerprint)
              + "); use the head's model and embedding options, or train a head for this one");
    }
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
  }
}
