package org.sycolab.backbone;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DJL block whose parameters carry the names of the checkpoint tensors they are loaded from
 * (Hugging Face names such as {@code encoder.layer.0.attention.self.query.weight}), so weights bind
 * by name and a missing or misshapen tensor is reported by that name.
 */
public abstract class NamedBlock extends AbstractBlock {

  private final List<Map.Entry<String, NamedBlock>> namedChildren = new ArrayList<>();
  private final Map<String, Shape> shapes = new HashMap<>();

  /**
   * A parameter and the shape its checkpoint tensor must have.
   *
   * @param parameter the DJL parameter
   * @param shape the shape the config implies
   */
  public record Slot(Parameter parameter, Shape shape) {}

  /** Declares a parameter under the checkpoint name {@code name}, relative to this block. */
  protected final Parameter tensor(String name, Shape shape) {
    // The shape is kept beside the parameter: DJL refuses setArray on a parameter with a shape.
    shapes.put(name, shape);
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(name.endsWith("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
            .optRequiresGrad(false)
            .build());
  }

  /** Adds a child whose tensor names are prefixed with {@code prefix} and a dot. */
  protected final <B extends NamedBlock> B child(String prefix, B block) {
    namedChildren.add(Map.entry(prefix, block));
    return addChildBlock(prefix, block);
  }

  /** Puts every parameter of this block and its children into {@code out} under its full name. */
  public final void collectTensors(String prefix, Map<String, Slot> out) {
    for (Parameter parameter : parameters.values()) {
      out.put(prefix + parameter.getName(), new Slot(parameter, shapes.get(parameter.getName())));
    }
    for (Map.Entry<String, NamedBlock> child : namedChildren) {
      child.getValue().collectTensors(prefix + child.getKey() + ".", out);
    }
  }
}
