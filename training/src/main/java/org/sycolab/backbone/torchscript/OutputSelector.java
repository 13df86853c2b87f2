package org.sycolab.backbone.torchscript;

import ai.djl.engine.EngineException;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.IValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.sycolab.backbone.ModelFormatException;

/**
 * Which tensor of a module's result holds the hidden states: an index into a returned tuple or
 * list, or a key of a returned dict. A module that returns a single tensor is read at index 0.
 *
 * @param index the position in a tuple or list; ignored when {@code key} is set
 * @param key the key in a dict, or null to select by index
 */
public record OutputSelector(int index, String key) {

  /** The first element, or the single tensor: the default. */
  public static final OutputSelector FIRST = new OutputSelector(0, null);

  /** Checks the index. */
  public OutputSelector {
    if (index < 0) {
      throw new IllegalArgumentException("output index must be at least 0, got " + index);
    }
  }

  /** The tensor this selector names in {@code result}, made in {@code scope}. */
  PtNDArray select(IValue result, PtNDManager scope, Path file) {
    if (result.isTensor()) {
      if (key != null || index != 0) {
        throw mismatch(file, "the module returned a single tensor");
      }
      return result.toTensor(scope);
    }
    if (result.isMap()) {
      Map<String, IValue> map;
      try {
        map = result.toIValueMap();
      } catch (EngineException e) {
        throw mismatch(file, "the module returned a dict whose keys are not strings");
      }
      return fromMap(map, scope, file);
    }
    if (result.isTuple() || result.isList()) {
      IValue[] elements = result.isTuple() ? result.toIValueTuple() : result.toIValueArray();
      try {
        if (key != null) {
          throw mismatch(file, "the module returned a tuple or list, not a dict");
        }
        if (index >= elements.length) {
          throw mismatch(
              file, "the module returned a tuple or list of " + elements.length + " elements");
        }
        return tensor(elements[index], scope, file);
      } finally {
        for (IValue element : elements) {
          element.close();
        }
      }
    }
    throw mismatch(file, "the module returned " + result.getType() + ", not tensors");
  }

  private PtNDArray fromMap(Map<String, IValue> map, PtNDManager scope, Path file) {
    try {
      if (key == null) {
        throw mismatch(
            file,
            "the module returned a dict; set output to one of its keys "
                + new TreeSet<>(map.keySet()));
      }
      IValue value = map.get(key);
      if (value == null) {
        throw mismatch(
            file, "the module's dict has no such key; its keys: " + new TreeSet<>(map.keySet()));
      }
      return tensor(value, scope, file);
    } finally {
      map.values().forEach(IValue::close);
    }
  }

  private PtNDArray tensor(IValue value, PtNDManager scope, Path file) {
    if (!value.isTensor()) {
      throw mismatch(file, "that output is " + value.getType() + ", not a tensor");
    }
    return value.toTensor(scope);
  }

  private ModelFormatException mismatch(Path file, String problem) {
    return new ModelFormatException(
        file, toString(), problem + " (\"output\" in " + TorchScriptSidecar.FILE_NAME + ")");
  }

  /** {@code output 1} or {@code output "last_hidden_state"}, for messages. */
  @Override
  public String toString() {
    return key == null ? "output " + index : "output \"" + key + "\"";
  }
}
