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
import org.sycolab.backbone.safetensors.TensorInfo;
import org.sycolab.io.AtomicFiles;

/**
 * Vectors and their content keys in one safetensors file: a chunk of the feature cache, and the
 * format of {@code sycolab embed}'s output. The file holds
 *
 * <ul>
 *   <li>tensor {@code keys} (N,32) U8: each text's SHA-256 content key, one row per text;
 *   <li>tensor {@code features} (N,d) F32: row i the vector of key i, every value finite;
 *   <li>metadata {@code sycolab.fingerprint}: the backbone fingerprint the vectors come from;
 *   <li>metadata {@code sycolab.sha256}: the SHA-256 of the whole file, computed with these 64 hex
 *       characters set to {@code 0} (see {@link ChunkDigest}).
 * </ul>
 *
 * <p>One digest per chunk, not per row: a lookup that uses a chunk reads all its keys and vectors
 * anyway, and a digest over the whole file also covers the header and its padding, where a changed
 * byte could otherwise rename a tensor or alter a shape unseen. The digest is checked before any
 * vector of the chunk is used (a lookup reads no further than the keys of a chunk it does not use),
 * and decoding the vectors checks they are finite. A chunk without a digest (written before there
 * was one) cannot be checked and is refused as well.
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
    AtomicFiles.write(file, this::writeTo);
  }

  /** Writes the chunk's bytes, its digest included, to a stream. */
  public void writeTo(OutputStream out) throws IOException {
    SafetensorsWriter writer = writer();
    writer.metadata(ChunkDigest.KEY, ChunkDigest.of(writer));
    writer.writeTo(out);
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
        .metadata(ChunkDigest.KEY, ChunkDigest.PLACEHOLDER)
        .addBytes(KEYS, DType.U8, keyBytes, n, 32)
        .addFloats(FEATURES, flat, n, d);
  }

  /**
   * Reads a whole chunk, checking its digest, layout and values.
   *
   * @throws ModelFormatException when the file is damaged, has no digest or holds a non-finite
   *     value
   */
  public static FeatureChunk read(Path file) throws IOException {
    try (Opened chunk = Opened.open(file)) {
      chunk.verify();
      float[][] vectors = new float[chunk.keys().size()][];
      for (int row = 0; row < vectors.length; row++) {
        vectors[row] = chunk.vector(row);
      }
      return new FeatureChunk(chunk.fingerprint(), chunk.keys(), vectors);
    }
  }

  /**
   * A chunk file opened for lookups: layout checked and keys read on opening; the digest checked by
   * {@link #verify}, which must come before any vector is asked for; the vectors decoded (and
   * checked to be finite) when the first is.
   */
  static final class Opened implements AutoCloseable {
    private final SafetensorsFile file;
    private final String fingerprint;
    private final List<String> keys;
    private final int dimension;
    private boolean verified;
    private float[] flat;

    private Opened(SafetensorsFile file, String fingerprint, List<String> keys, int dimension) {
      this.file = file;
      this.fingerprint = fingerprint;
      this.keys = keys;
      this.dimension = dimension;
    }

    /**
     * Opens a chunk file and reads its keys.
     *
     * @throws ModelFormatException when it is not laid out as a chunk
     */
    static Opened open(Path path) throws IOException {
      SafetensorsFile file = SafetensorsFile.open(path);
      try {
        String fingerprint = file.metadata().get(FINGERPRINT);
        if (fingerprint == null) {
          throw new ModelFormatException(path, "metadata " + FINGERPRINT + " missing");
        }
        TensorInfo keyInfo = file.info(KEYS);
        TensorInfo featureInfo = file.info(FEATURES);
        long[] keyShape = keyInfo.shape();
        long[] featureShape = featureInfo.shape();
        if (keyInfo.dtype() != DType.U8
            || featureInfo.dtype() != DType.F32
            || keyShape.length != 2
            || keyShape[1] != 32
            || featureShape.length != 2
            || featureShape[0] != keyShape[0]) {
          throw new ModelFormatException(
              path, FEATURES, "expected keys (N,32) U8 and features (N,d) F32");
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

    /**
     * Checks the whole file against its digest.
     *
     * @throws ModelFormatException when it has none or the file does not match it
     */
    void verify() throws IOException {
      String digest = file.metadata().get(ChunkDigest.KEY);
      if (digest == null) {
        throw new ModelFormatException(
            file.path(),
            "has no "
                + ChunkDigest.KEY
                + " (written by an older sycolab), so its contents cannot be checked");
      }
      ChunkDigest.verify(file.path(), digest);
      verified = true;
    }

    /** Whether the file carries a digest (chunks written by an older sycolab have none). */
    boolean hasDigest() {
      return file.metadata().get(ChunkDigest.KEY) != null;
    }

    String fingerprint() {
      return fingerprint;
    }

    /** The content keys, one per row. */
    List<String> keys() {
      return keys;
    }

    /**
     * The vector of one row.
     *
     * @throws ModelFormatException when any vector of the chunk holds NaN or an infinity
     */
    float[] vector(int row) {
      if (!verified) {
        throw new IllegalStateException("vector read from " + file.path() + " before verify()");
      }
      if (flat == null) {
        float[] values = file.readFloats(FEATURES);
        checkFinite(values);
        flat = values;
      }
      return Arrays.copyOfRange(flat, row * dimension, (row + 1) * dimension);
    }

    private void checkFinite(float[] values) {
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          int row = i / dimension;
          throw new ModelFormatException(
              file.path(),
              FEATURES,
              "row "
                  + row
                  + " (key "
                  + keys.get(row).substring(0, 12)
                  + "…) holds "
                  + values[i]
                  + " at column "
                  + i % dimension
                  + "; vectors must be finite");
        }
      }
    }

    @Override
    public void close() {
      file.close();
    }
  }
}
