package org.sycolab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What this build of sycolab was compiled against, read from {@code build.properties} (filled in by
 * Maven): the versions the manifest records and the default for DJL's offline mode.
 *
 * @param sycolabVersion the project version
 * @param djlVersion the pinned DJL version
 * @param pytorchVersion the pinned PyTorch native version
 * @param pytorchFlavor which native build the classpath carries ({@code cpu}, or a note for CUDA)
 * @param onnxRuntimeVersion the pinned ONNX Runtime version, which runs encoders on the CPU
 * @param offlineByDefault whether DJL runs with {@code ai.djl.offline=true} unless told otherwise
 */
public record BuildInfo(
    String sycolabVersion,
    String djlVersion,
    String pytorchVersion,
    String pytorchFlavor,
    String onnxRuntimeVersion,
    boolean offlineByDefault) {

  private static final String RESOURCE = "/org/sycolab/build.properties";

  /** Reads the build's properties from the classpath. */
  public static BuildInfo load() {
    Properties props = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is missing from the classpath; rebuild with scripts/sycolab or mvn package");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new BuildInfo(
        required(props, "sycolab.version"),
        required(props, "djl.version"),
        required(props, "pytorch.version"),
        required(props, "pytorch.flavor"),
        required(props, "onnxruntime.version"),
        Boolean.parseBoolean(required(props, "djl.offline")));
  }

  /**
   * The versions a run's manifest records: sycolab, DJL, PyTorch (and its flavour), ONNX Runtime,
   * Java, the native allocator and the operating system.
   */
  public Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("sycolab", sycolabVersion);
    versions.put("djl", djlVersion);
    versions.put("pytorch", pytorchVersion);
    versions.put("pytorch_flavor", pytorchFlavor);
    versions.put("onnxruntime", onnxRuntimeVersion);
    versions.put("java", Runtime.version().toString());
    versions.put("allocator", Allocator.current());
    versions.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return versions;
  }

  private static String required(Properties props, String key) {
    String value = props.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          RESOURCE + ": " + key + " was not filled in by the build; rebuild with mvn package");
    }
    return value.trim();
  }
}
