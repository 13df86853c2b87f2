package org.sycolab.backbone.torchscript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.FingerprintRecipe;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.WeightDigests;
import org.sycolab.backbone.decoder.ChatTemplate;
import org.sycolab.io.FileDigest;

/**
 * A TorchScript module named by its file ({@code model.pt}), with {@code tokenizer.json}, an
 * optional {@code tokenizer_config.json} (chat template) and an optional {@link TorchScriptSidecar}
 * in the same directory: which references name one, and their description.
 */
public final class TorchScriptModel {

  /** The {@link BackboneSpec#modelType()} of TorchScript modules. */
  public static final String MODEL_TYPE = "torchscript";

  /** The file name endings that mark a reference as a TorchScript module. */
  public static final List<String> EXTENSIONS = List.of(".pt", ".ts", ".torchscript");

  /**
   * Version of what the files do not say: how inputs are padded and passed to the module. Bump it
   * with any change there that moves a vector, so that cached features of the old code are not
   * reused.
   */
  static final String FINGERPRINT_VERSION = "sycolab-torchscript-v1";

  private TorchScriptModel() {}

  /** Whether {@code reference} is an existing regular file ending in one of {@link #EXTENSIONS}. */
  public static boolean isTorchScriptReference(String reference) {
    String name = reference.toLowerCase(Locale.ROOT);
    if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
      return false;
    }
    try {
      return Files.isRegularFile(Path.of(reference));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * Describes the module without loading it: checks that it is a TorchScript archive and that the
   * tokenizer is there, fills in the sidecar's pooling when none was asked for, caps the length at
   * the sidecar's {@code max_length}, and computes the fingerprint (the module's digest from {@code
   * digests} when it keeps a current one).
   *
   * @throws IllegalArgumentException for float16: DJL cannot cast a loaded TorchScript module
   */
  public static BackboneSpec describe(
      String reference, BackboneOptions options, WeightDigests digests) throws IOException {
    Path ptFile = Path.of(reference);
    if (options.precision() != Precision.FLOAT32) {
      // PtSymbolBlock.cast is not implemented in DJL 0.36.0 and its JNI has no call that converts
      // a loaded module's parameters.
      throw new IllegalArgumentException(
          "precision "
              + options.precision().id()
              + " is not available for TorchScript modules: DJL cannot convert a loaded module's"
              + " weights. Export the model in half precision instead (model.half() before"
              + " torch.jit.trace); it then runs in the precision it was saved in");
    }
    TorchScriptArchive.check(ptFile);
    TorchScriptSidecar sidecar = TorchScriptSidecar.read(ptFile);
    ModelDirectory dir = new ModelDirectory(ptFile.toAbsolutePath().getParent());
    BackboneOptions effective = options.withDefaultPooling(sidecar.pooling());
    if (sidecar.maxLength().isPresent()) {
      effective = effective.capLength(sidecar.maxLength().getAsInt());
    }
    FingerprintRecipe recipe =
        new FingerprintRecipe(FINGERPRINT_VERSION)
            // The prompt's rendering and truncation are the decoders', versioned by the
            // chat_rendering line below; the pooling is every backbone's, versioned here.
            .add("backbone", ModelDirectory.FINGERPRINT_VERSION)
            .add("module", digests.sha256(ptFile))
            .add("tokenizer", FileDigest.sha256(dir.tokenizer()))
            .file("sidecar", TorchScriptSidecar.fileFor(ptFile))
            .options(effective);
    String fingerprint = ChatTemplate.addTo(recipe, dir.path()).sha256();
    return new BackboneSpec(reference, dir, MODEL_TYPE, effective, fingerprint);
  }
}
