package org.sycolab.backbone;

import org.sycolab.data.PairText;

/** Turns a (prompt, response) pair into a model's token ids, truncated to its budget. */
public interface PairTokenizer extends AutoCloseable {

  /** Tokenises and truncates one pair. */
  TokenizedInput tokenize(PairText text);

  @Override
  void close();
}
