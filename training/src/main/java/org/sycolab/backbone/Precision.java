package org.sycolab.backbone;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The floating-point type a backbone's weights and activations are held in. Checkpoints in
 * bfloat16, float16 or float32 are converted on load; norms and softmax always run in float32.
 */
public enum Precision {
  /** Full precision: the default, and the only one for encoders. */
  FLOAT32(DataType.FLOAT32),
  /** Half the memory and, on a CUDA GPU, several times the speed; about 3 decimal digits. */
  FLOAT16(DataType.FLOAT16);

  private final DataType dataType;

  Precision(DataType dataType) {
    this.dataType = dataType;
  }

  /** The DJL type of weights and activations. */
  public DataType dataType() {
    return dataType;
  }

  /** The name used on the command line, in head cards and fingerprints. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The precision named {@code id}.
   *
   * @throws IllegalArgumentException for unknown names, and for bfloat16 with the reason
   */
  public static Precision parse(String id) {
    String name = id.toLowerCase(Locale.ROOT);
    for (Precision precision : values()) {
      if (precision.id().equals(name)) {
        return precision;
      }
    }
    if (name.equals("bfloat16") || name.equals("bf16")) {
      // DJL's PyTorch engine maps only its first nine data types to PyTorch's; bfloat16 is not one
      // of them and an array of it aborts the JVM (checked on DJL 0.36.0). bfloat16 checkpoints are
      // widened exactly on load instead.
      throw new IllegalArgumentException(
          "bfloat16 cannot be computed in: DJL's PyTorch engine has no bfloat16 arrays."
              + " bfloat16 checkpoints load exactly as float32; use float16 on a GPU for speed");
    }
    throw new IllegalArgumentException("expected float32 or float16, got '" + id + "'");
  }
}
