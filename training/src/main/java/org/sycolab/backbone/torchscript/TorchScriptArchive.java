package org.sycolab.backbone.torchscript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.sycolab.backbone.ModelFormatException;

/**
 * Tells a TorchScript archive from other {@code .pt} files before any native code reads it. A
 * TorchScript archive ({@code torch.jit.save}) is a zip whose single top folder holds {@code
 * constants.pkl} and the module's code under {@code code/}; a checkpoint written with {@code
 * torch.save} is a bare pickle or a zip with only {@code data.pkl} and tensors. The format is
 * described in PyTorch's {@code torch/csrc/jit/docs/serialization.md}
 * (https://github.com/pytorch/pytorch/blob/main/torch/csrc/jit/docs/serialization.md).
 */
final class TorchScriptArchive {

  private static final String REFUSAL =
      "is not a TorchScript module (%s); a torch.save checkpoint holds weights, not a runnable"
          + " module. Export the model with"
          + " torch.jit.trace(model, (input_ids, attention_mask)).save(path)";

  private TorchScriptArchive() {}

  /** Checks that {@code file} is a readable TorchScript archive. */
  static void check(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ModelFormatException(file, Files.exists(file) ? "is not a file" : "does not exist");
    }
    boolean constants = false;
    boolean code = false;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        int slash = name.indexOf('/');
        String inner = slash < 0 ? name : name.substring(slash + 1);
        constants |= inner.equals("constants.pkl");
        code |= inner.startsWith("code/");
      }
    } catch (ZipException e) {
      throw new ModelFormatException(file, String.format(REFUSAL, "not a zip archive"));
    }
    if (!constants || !code) {
      throw new ModelFormatException(
          file, String.format(REFUSAL, "a zip archive without constants.pkl and code/"));
    }
  }
}
