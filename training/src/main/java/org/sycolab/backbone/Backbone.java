package org.sycolab.backbone;

import java.util.List;
import org.sycolab.data.PairText;

/**
 * A frozen model that turns (prompt, response) into one vector. Implementations own their native
 * memory and release it on {@link #close()}; {@link #embed} allocates nothing that outlives the
 * call.
 */
public interface Backbone extends AutoCloseable {

  /**
   * SHA-256 (hex) over everything that determines the vectors: architecture, weights, tokenizer,
   * options. Features are cached under it.
   */
  String fingerprint();

  /** Length of the vectors. */
  int dimension();

  /** Tokenises and truncates one text. */
  TokenizedInput tokenize(PairText text);

  /** Embeds one batch (padded to its longest input); one row per input, in input order. */
  float[][] embed(List<TokenizedInput> batch);

  @Override
  void close();
}
