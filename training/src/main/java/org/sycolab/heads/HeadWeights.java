package org.sycolab.heads;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.safetensors.SafetensorsFile;
import org.sycolab.backbone.safetensors.SafetensorsWriter;

/**
 * A head's parameters as plain arrays, independent of any device: what training starts from and
 * ends with, and what a head directory stores ({@code head.safetensors}).
 *
 * @param architecture the head's shape
 * @param tensors each tensor of {@link HeadArchitecture#tensorShapes()}, row-major
 */
public record HeadWeights(HeadArchitecture architecture, Map<String, float[]> tensors) {

  /** Checks every tensor against the architecture and copies the arrays. */
  public HeadWeights {
    Map<String, float[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> entry : architecture.tensorShapes().entrySet()) {
      float[] values = tensors.get(entry.getKey());
      long expected = Arrays.stream(entry.getValue()).reduce(1, (a, b) -> a * b);
      if (values == null || values.length != expected) {
        throw new IllegalArgumentException(
            "tensor "
                + entry.getKey()
                + " must hold "
                + expected
                + " values, has "
                + (values == null ? "none" : values.length));
      }
      copy.put(entry.getKey(), values.clone());
    }
    if (tensors.size() != copy.size()) {
      throw new IllegalArgumentException(
          "unexpected tensors " + tensors.keySet() + ", expected " + copy.keySet());
    }
    tensors = Collections.unmodifiableMap(copy);
  }

  /** A copy of one tensor. */
  public float[] tensor(String name) {
    float[] values = tensors.get(name);
    if (values == null) {
      throw new IllegalArgumentException("no tensor " + name + " in " + tensors.keySet());
    }
    return values.clone();
  }

  /**
   * Fresh weights for training, drawn from {@code seed} as PyTorch's {@code nn.Linear} draws its
   * defaults: every weight and bias uniform in ±1/√fan_in. The same seed gives the same weights on
   * any machine.
   */
  public static HeadWeights initial(HeadArchitecture architecture, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, float[]> tensors = new LinkedHashMap<>();
    long fanIn = architecture.inputDimension();
    for (Map.Entry<String, long[]> entry : architecture.tensorShapes().entrySet()) {
      long[] shape = entry.getValue();
      if (shape.length == 2) {
        fanIn = shape[1];
      }
      double bound = 1 / Math.sqrt(fanIn);
      float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextDouble(-bound, bound);
      }
      tensors.put(entry.getKey(), values);
    }
    return new HeadWeights(architecture, tensors);
  }

  /** Writes the tensors as safetensors (F32, names as in {@link HeadArchitecture}). */
  public void writeTo(OutputStream out) throws IOException {
    SafetensorsWriter writer = new SafetensorsWriter().metadata("format", HeadCard.FORMAT);
    architecture
        .tensorShapes()
        .forEach((name, shape) -> writer.addFloats(name, tensors.get(name), shape));
    writer.writeTo(out);
  }

  /** Reads weights written by {@link #writeTo}, checking every tensor's shape. */
  public static HeadWeights read(Path file, HeadArchitecture architecture) throws IOException {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    try (SafetensorsFile weights = SafetensorsFile.open(file)) {
      for (Map.Entry<String, long[]> entry : architecture.tensorShapes().entrySet()) {
        String name = entry.getKey();
        if (!weights.contains(name)) {
          throw new ModelFormatException(
              file, name, "missing (a " + architecture.kind().id() + " head needs it)");
        }
        long[] shape = weights.info(name).shape();
        if (!Arrays.equals(shape, entry.getValue())) {
          throw new ModelFormatException(
              file,
              name,
              "has shape "
                  + Arrays.toString(shape)
                  + " but head.json implies "
                  + Arrays.toString(entry.getValue()));
        }
        float[] values = weights.readFloats(name);
        requireFinite(file, name, values, shape);
        tensors.put(name, values);
      }
    }
    return new HeadWeights(architecture, tensors);
  }

  /**
   * Refuses a tensor holding NaN or an infinity, naming its first such element: a head trained into
   * divergence, or a damaged file, would otherwise score every input as NaN.
   */
  private static void requireFinite(Path file, String name, float[] values, long[] shape) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new ModelFormatException(
            file,
            name,
            "contains "
                + values[i]
                + " at "
                + Arrays.toString(index(i, shape))
                + "; retrain the head (sycolab train)");
      }
    }
  }

  /** The row-major multi-index of flat position {@code flat} in a tensor of {@code shape}. */
  private static long[] index(long flat, long[] shape) {
    long[] index = new long[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = flat % shape[axis];
      flat /= shape[axis];
    }
    return index;
  }
}
