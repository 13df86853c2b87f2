package org.sycolab.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.backbone.safetensors.TensorInfo;
import org.sycolab.backbone.safetensors.TensorSource;

/**
 * Sets every parameter of a {@link NamedBlock} from the checkpoint tensor of the same name,
 * checking each shape against the one the config implies. Checkpoints saved from a task model carry
 * a prefix ({@code bert.embeddings…}); it is detected and stripped. Tensors the block does not use
 * (a pooler, a task head) are ignored.
 */
public final class WeightBinder {

  private WeightBinder() {}

  /**
   * Binds the block's parameters to arrays of {@code precision} created by {@code manager} (on its
   * device); errors name the weights' file. Each tensor is widened to float32 on the heap and
   * converted on the device one at a time, so loading needs no more than one tensor's worth of
   * memory beyond the model.
   *
   * @param prefixes model prefixes a checkpoint may carry, tried in order after none
   */
  public static void bind(
      NamedBlock block,
      ShardedSafetensors weights,
      NDManager manager,
      Precision precision,
      String... prefixes) {
    DataType type = precision.dataType();
    Map<String, NamedBlock.Slot> parameters = new LinkedHashMap<>();
    block.collectTensors("", parameters);
    Map<String, String> names = checkpointNames(block, weights, prefixes);
    for (Map.Entry<String, NamedBlock.Slot> entry : parameters.entrySet()) {
      String name = names.get(entry.getKey());
      Parameter parameter = entry.getValue().parameter();
      Shape expected = entry.getValue().shape();
      NDArray wide = manager.create(weights.readFloat32(name), expected, DataType.FLOAT32);
      NDArray array = wide.toType(type, false);
      if (array != wide) {
        wide.close();
      }
      array.setName(name);
      parameter.setArray(array);
    }
  }

  /**
   * The checkpoint's name of each of the block's parameters (block name → checkpoint name), each
   * present with the shape the config implies: a model prefix detected and stripped, TensorFlow-era
   * LayerNorm names resolved.
   *
   * @param prefixes model prefixes a checkpoint may carry, tried in order after none
   * @throws ModelFormatException naming the weights' file and the tensor that is missing or has
   *     another shape
   */
  public static Map<String, String> checkpointNames(
      NamedBlock block, ShardedSafetensors weights, String... prefixes) {
    Path weightsLocation = weights.source();
    Map<String, NamedBlock.Slot> parameters = new LinkedHashMap<>();
    block.collectTensors("", parameters);
    String prefix = detectPrefix(parameters, weights, prefixes);
    Map<String, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, NamedBlock.Slot> entry : parameters.entrySet()) {
      String name = legacyName(weights, prefix + entry.getKey());
      if (!weights.contains(name)) {
        throw new ModelFormatException(
            weightsLocation, name, "missing from the weights (config.json expects it)");
      }
      TensorInfo info = weights.info(name);
      Shape expected = entry.getValue().shape();
      if (!Arrays.equals(info.shape(), expected.getShape())) {
        throw new ModelFormatException(
            weightsLocation,
            name,
            "has shape "
                + Arrays.toString(info.shape())
                + " but config.json implies "
                + Arrays.toString(expected.getShape()));
      }
      names.put(entry.getKey(), name);
    }
    return names;
  }

  /**
   * The TensorFlow-era name of a LayerNorm tensor ({@code gamma}, {@code beta}) when the checkpoint
   * uses it, as some converted BERT checkpoints still do; the modern name otherwise.
   */
  private static String legacyName(TensorSource weights, String name) {
    if (weights.contains(name)) {
      return name;
    }
    String legacy =
        name.endsWith("LayerNorm.weight")
            ? name.substring(0, name.length() - "weight".length()) + "gamma"
            : name.endsWith("LayerNorm.bias")
                ? name.substring(0, name.length() - "bias".length()) + "beta"
                : name;
    return weights.contains(legacy) ? legacy : name;
  }

  private static String detectPrefix(
      Map<String, NamedBlock.Slot> parameters, TensorSource weights, String... prefixes) {
    String first = parameters.keySet().iterator().next();
    if (weights.contains(first)) {
      return "";
    }
    for (String prefix : prefixes) {
      if (weights.contains(prefix + first)) {
        return prefix;
      }
    }
    return "";
  }
}
