package org.sycolab.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reward head as a DJL block: features of shape {@code (..., d)} in, one score per row out
 * ({@code (...)}). Its parameters carry the tensor names of {@link HeadArchitecture}, so weights
 * move between the block and {@link HeadWeights} by name.
 */
public final class RewardHead extends AbstractBlock {

  private final HeadArchitecture architecture;
  private final Map<String, Parameter> tensors = new LinkedHashMap<>();

  private RewardHead(HeadArchitecture architecture) {
    this.architecture = architecture;
    for (String name : architecture.tensorShapes().keySet()) {
      tensors.put(
          name,
          addParameter(
              Parameter.builder()
                  .setName(name)
                  .setType(name.endsWith("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
                  .build()));
    }
  }

  /**
   * A head holding {@code weights} in arrays of {@code manager} (on its device).
   *
   * @param trainable whether the arrays collect gradients
   */
  public static RewardHead of(HeadWeights weights, NDManager manager, boolean trainable) {
    RewardHead head = new RewardHead(weights.architecture());
    for (Map.Entry<String, long[]> entry : weights.architecture().tensorShapes().entrySet()) {
      NDArray array =
          manager.create(weights.tensors().get(entry.getKey()), new Shape(entry.getValue()));
      array.setName(entry.getKey());
      if (trainable) {
        array.setRequiresGradient(true);
      }
      head.tensors.get(entry.getKey()).setArray(array);
    }
    return head;
  }

  /** The head's shape. */
  public HeadArchitecture architecture() {
    return architecture;
  }

  /** The parameters by tensor name, in the architecture's order. */
  public Map<String, Parameter> tensors() {
    return Collections.unmodifiableMap(tensors);
  }

  /** The current parameter values, copied off the device. */
  public HeadWeights weights() {
    Map<String, float[]> values = new LinkedHashMap<>();
    tensors.forEach((name, parameter) -> values.put(name, parameter.getArray().toFloatArray()));
    return new HeadWeights(architecture, values);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray scores;
    if (architecture.kind() == HeadArchitecture.Kind.LINEAR) {
      scores =
          Linear.linear(
                  x,
                  value(store, x, HeadArchitecture.LINEAR_WEIGHT, training),
                  value(store, x, HeadArchitecture.LINEAR_BIAS, training))
              .head();
    } else {
      NDArray hidden =
          Activation.gelu(
              Linear.linear(
                      x,
                      value(store, x, HeadArchitecture.FC1_WEIGHT, training),
                      value(store, x, HeadArchitecture.FC1_BIAS, training))
                  .head());
      if (training && architecture.dropout() > 0) {
        hidden = Dropout.dropout(hidden, (float) architecture.dropout(), true).head();
      }
      scores =
          Linear.linear(
                  hidden,
                  value(store, x, HeadArchitecture.FC2_WEIGHT, training),
                  value(store, x, HeadArchitecture.FC2_BIAS, training))
              .head();
    }
    return new NDList(scores.squeeze(-1));
  }

  private NDArray value(ParameterStore store, NDArray x, String name, boolean training) {
    return store.getValue(tensors.get(name), x.getDevice(), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long[] in = inputShapes[0].getShape();
    return new Shape[] {new Shape(Arrays.copyOf(in, in.length - 1))};
  }
}
