package org.sycolab.backbone;

/** Turns a (prompt, response) pair into a model's token ids, truncated to its budget. */
public interface PairTokenizer extends AutoCloseable {

  /** Tokenises and truncates one pair. */
  TokenizedInput tokenize(PairText text);

  @Override
  void close();
}
