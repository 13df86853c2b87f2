package org.sycolab.backbone.torchscript;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.JsonObjectFile;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Pooling;

/**
 * How to call a TorchScript module, from the optional {@code torchscript.json} beside it. Every
 * field is optional:
 *
 * <pre>{@code
 * {
 *   "inputs": ["input_ids", "attention_mask"],  // forward's arguments, in order
 *   "output": 0,                // index into a returned tuple or list, or a key of a returned dict
 *   "pooling": "last",          // the model's default pooling: last, mean or cls
 *   "hidden_size": 768,         // otherwise found by running one tiny input at load
 *   "max_length": 2048          // the most tokens the model takes
 * }
 * }</pre>
 *
 * @param inputs forward's arguments, in order
 * @param output which output holds the hidden states (B,T,H)
 * @param pooling the pooling used when the user asks for none
 * @param hiddenSize H, when stated
 * @param maxLength the model's token limit, when stated
 */
public record TorchScriptSidecar(
    List<ModelInput> inputs,
    OutputSelector output,
    Pooling pooling,
    OptionalInt hiddenSize,
    OptionalInt maxLength) {

  /** The sidecar's file name, in the directory of the module. */
  public static final String FILE_NAME = "torchscript.json";

  /** What a module without a sidecar is assumed to be: a decoder taking ids and mask. */
  public static final TorchScriptSidecar DEFAULTS =
      new TorchScriptSidecar(
          List.of(ModelInput.INPUT_IDS, ModelInput.ATTENTION_MASK),
          OutputSelector.FIRST,
          Pooling.LAST,
          OptionalInt.empty(),
          OptionalInt.empty());

  private static final List<String> FIELDS =
      List.of("inputs", "output", "pooling", "hidden_size", "max_length");

  /** Copies the inputs. */
  public TorchScriptSidecar {
    inputs = List.copyOf(inputs);
  }

  /** The sidecar file that belongs to {@code moduleFile} (which may not exist). */
  public static Path fileFor(Path moduleFile) {
    return moduleFile.toAbsolutePath().resolveSibling(FILE_NAME);
  }

  /** Reads the sidecar beside {@code moduleFile}, or gives {@link #DEFAULTS} when there is none. */
  public static TorchScriptSidecar read(Path moduleFile) throws IOException {
    Path file = fileFor(moduleFile);
    if (!Files.exists(file)) {
      return DEFAULTS;
    }
    JsonNode root = JsonObjectFile.read(file);
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new ModelFormatException(
            file, name, "unknown field; known: " + String.join(", ", FIELDS));
      }
    }
    return new TorchScriptSidecar(
        inputs(file, field(root, "inputs")),
        output(file, field(root, "output")),
        pooling(file, field(root, "pooling")),
        atLeast(1, file, "hidden_size", field(root, "hidden_size")),
        atLeast(BackboneOptions.MIN_LENGTH, file, "max_length", field(root, "max_length")));
  }

  /** A field's value, or null when it is absent or JSON null (both mean the default). */
  private static JsonNode field(JsonNode root, String name) {
    JsonNode node = root.get(name);
    return node == null || node.isNull() ? null : node;
  }

  private static List<ModelInput> inputs(Path file, JsonNode node) {
    if (node == null) {
      return DEFAULTS.inputs();
    }
    String expected = "must be a list of distinct names from: " + ModelInput.known();
    if (!node.isArray() || node.isEmpty()) {
      throw new ModelFormatException(file, "inputs", expected + ", got " + node);
    }
    List<ModelInput> inputs = new ArrayList<>();
    for (JsonNode element : node) {
      Optional<ModelInput> input =
          element.isTextual() ? ModelInput.parse(element.textValue()) : Optional.empty();
      if (input.isEmpty() || inputs.contains(input.get())) {
        throw new ModelFormatException(file, "inputs", expected + ", got " + node);
      }
      inputs.add(input.get());
    }
    if (!inputs.contains(ModelInput.INPUT_IDS)) {
      throw new ModelFormatException(file, "inputs", "must include input_ids, got " + node);
    }
    return inputs;
  }

  private static OutputSelector output(Path file, JsonNode node) {
    if (node == null) {
      return OutputSelector.FIRST;
    }
    if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
      return new OutputSelector(node.intValue(), null);
    }
    if (node.isTextual() && !node.textValue().isEmpty()) {
      return new OutputSelector(0, node.textValue());
    }
    throw new ModelFormatException(
        file,
        "output",
        "must be an index (0 or more) into a returned tuple or list, or the key of a returned"
            + " dict, got "
            + node);
  }

  private static Pooling pooling(Path file, JsonNode node) {
    if (node == null) {
      return DEFAULTS.pooling();
    }
    return Optional.ofNullable(node.isTextual() ? node.textValue() : null)
        .flatMap(Pooling::parse)
        .orElseThrow(
            () ->
                new ModelFormatException(
                    file, "pooling", "must be one of " + Pooling.ids() + ", got " + node));
  }

  private static OptionalInt atLeast(int min, Path file, String field, JsonNode node) {
    if (node == null) {
      return OptionalInt.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
      throw new ModelFormatException(
          file, field, "must be an integer of at least " + min + ", got " + node);
    }
    return OptionalInt.of(node.intValue());
  }
}
