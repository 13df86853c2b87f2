package org.sycolab.bench;

import java.util.List;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;

/** One engine that turns batches of tokenised texts into pooled, unit-length vectors. */
interface Encoder extends AutoCloseable {

  /** Tokenises one text exactly as {@link org.sycolab.backbone.Backbone#tokenize} does. */
  TokenizedInput tokenize(PairText text);

  /** What runs the forward pass, for the setup line: a backbone class or the reference. */
  String runs();

  /** Encodes one batch padded to its longest input; one row per input. */
  float[][] encode(List<TokenizedInput> batch) throws Exception;

  @Override
  void close();
}
