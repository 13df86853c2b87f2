package org.sycolab.backbone.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Reads the values of ONNX tensors, stored either as {@code raw_data} or as typed fields. */
final class OnnxTensors {

  private OnnxTensors() {}

  /** Whether the tensor holds 32-bit floats. */
  static boolean isFloat(TensorProto tensor) {
    return tensor.getDataType() == TensorProto.DataType.FLOAT_VALUE;
  }

  /** The tensor's shape. */
  static long[] shape(TensorProto tensor) {
    return tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
  }

  /** The values of a float tensor, row-major (ONNX raw data is little-endian). */
  static float[] floats(TensorProto tensor) {
    if (!tensor.getRawData().isEmpty()) {
      FloatBuffer buffer =
          tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      float[] values = new float[buffer.remaining()];
      buffer.get(values);
      return values;
    }
    float[] values = new float[tensor.getFloatDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = tensor.getFloatData(i);
    }
    return values;
  }

  /** The single value of a scalar float tensor. */
  static float scalar(TensorProto tensor) {
    float[] values = floats(tensor);
    if (values.length != 1) {
      throw new IllegalArgumentException("expected a scalar, found " + values.length + " values");
    }
    return values[0];
  }

  /** Transposes a row-major (rows, cols) matrix. */
  static float[] transpose(float[] values, int rows, int cols) {
    float[] out = new float[values.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = values[r * cols + c];
      }
    }
    return out;
  }
}
