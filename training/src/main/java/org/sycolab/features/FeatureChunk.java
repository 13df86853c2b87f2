package org.sycolab.features;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.safetensors.DType;
import org.sycolab.backbone.safetensors.SafetensorsFile;
import org.sycolab.backbone.safetensors.SafetensorsWriter;

/**
 * Vectors and their content keys in one safetensors file: {@code keys} (N,32) U8 holds each text's
 * SHA-256, {@code features} (N,d) F32 the vectors; metadata names the backbone fingerprint. The
 * cache is made of chunks, and {@code sycolab embed} writes its output in the same format.
 *
 * @param fingerprint the backbone fingerprint the vectors come from
 * @param keys content keys (hex), one per row
 * @param vectors the rows
 */
public record FeatureChunk(String fingerprint, List<String> keys, float[][] vectors) {

  static final String KEYS = "keys";
  static final String FEATURES = "features";
  static final String FINGERPRINT = "sycolab.fingerprint";

  /** Checks that keys and rows pair up and rows have one length. */
  public FeatureChunk {
    keys = List.copyOf(keys);
    if (keys.size() != vectors.length) {
      throw new IllegalArgumentException(keys.size() + " keys for " + vectors.length + " vectors");
    }
  }

  /** Length of the vectors (0 for an empty chunk). */
  public int dimension() {
    return vectors.length == 0 ? 0 : vectors[0].length;
  }

  /** Writes the chunk atomically. */
  public void write(Path file) throws IOException {
    writer().write(file);
  }

  /** Writes the chunk's bytes to a stream. */
  public void writeTo(OutputStream out) throws IOException {
    writer().writeTo(out);
  }

  private SafetensorsWriter writer() {
    int n = keys.size();
    int d = dimension();
    if ((long) n * d > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          n + " vectors of " + d + " floats exceed one file's 2^31 values; embed in shards");
    }
    byte[] keyBytes = new byte[n * 32];
    float[] flat = new float[n * d];
    HexFormat hex = HexFormat.of();
    for (int i = 0; i < n; i++) {
      System.arraycopy(hex.parseHex(keys.get(i)), 0, keyBytes, i * 32, 32);
      System.arraycopy(vectors[i], 0, flat, i * d, d);
    }
    return new SafetensorsWriter()
        .metadata(FINGERPRINT, fingerprint)
        .addBytes(KEYS, DType.U8, keyBytes, n, 32)
        .addFloats(FEATURES, flat, n, d);
  }

  /** Reads a whole chunk, checking its layout. */
  public static FeatureChunk read(Path file) throws IOException {
    try (Opened chunk = Opened.open(file)) {
      float[][] vectors = new float[chunk.keys().size()][];
      for (int row = 0; row < vectors.length; row++) {
        vectors[row] = chunk.vector(row);
      }
      return new FeatureChunk(chunk.fingerprint(), chunk.keys(), vectors);
    }
  }

  /**
   * A chunk file opened for lookups: layout checked and keys read on opening, the vectors decoded
   * only when one is asked for.
   */
  static final class Opened implements AutoCloseable {
    private final SafetensorsFile file;
    private final String fingerprint;
    private final List<String> keys;
    private final int dimension;
    private float[] flat;

    private Opened(SafetensorsFile file, String fingerprint, List<String> keys, int dimension) {
      this.file = file;
      this.fingerprint = fingerprint;
      this.keys = keys;
      this.dimension = dimension;
    }

    static Opened open(Path path) throws IOException {
      SafetensorsFile file = SafetensorsFile.open(path);
      try {
        String fingerprint = file.metadata().get(FINGERPRINT);
        if (fingerprint == null) {
          throw new ModelFormatException(path, "metadata " + FINGERPRINT + " missing");
        }
        long[] keyShape = file.info(KEYS).shape();
        long[] featureShape = file.info(FEATURES).shape();
        if (keyShape.length != 2
            || keyShape[1] != 32
            || featureShape.length != 2
            || featureShape[0] != keyShape[0]) {
          throw new ModelFormatException(path, FEATURES, "shapes of keys and features disagree");
        }
        byte[] keyBytes = file.readBytes(KEYS);
        HexFormat hex = HexFormat.of();
        List<String> keys = new ArrayList<>((int) keyShape[0]);
        for (int row = 0; row < keyShape[0]; row++) {
          keys.add(hex.formatHex(keyBytes, row * 32, (row + 1) * 32));
        }
        return new Opened(file, fingerprint, keys, (int) featureShape[1]);
      } catch (RuntimeException e) {
        file.close();
        throw e;
      }
    }

    String fingerprint() {
      return fingerprint;
    }

    /** The content keys, one per row. */
    List<String> keys() {
      return keys;
    }

    /** The vector of one row. */
    float[] vector(int row) {
      if (flat == null) {
        flat = file.readFloats(FEATURES);
      }
      return Arrays.copyOfRange(flat, row * dimension, (row + 1) * dimension);
    }

    @Override
    public void close() {
      file.close();
    }
  }
}
