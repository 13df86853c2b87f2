package org.sycolab.backbone.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sycolab.backbone.ModelFormatException;

/**
 * The weights of a Hugging Face model directory: a single {@code model.safetensors}, or the shards
 * listed in {@code model.safetensors.index.json}, read as if they were one file. Pickled PyTorch
 * weights are refused.
 */
public final class ShardedSafetensors implements TensorSource {

  /** Name of single-file weights. */
  public static final String SINGLE_FILE = "model.safetensors";

  /** Name of the index of sharded weights. */
  public static final String INDEX_FILE = "model.safetensors.index.json";

  private static final List<String> PICKLE_SUFFIXES = List.of(".bin", ".pt", ".pth");

  private final Path source;
  private final Map<String, String> metadata;
  private final List<SafetensorsFile> files;
  private final Map<String, SafetensorsFile> byTensor;

  private ShardedSafetensors(
      Path source,
      Map<String, String> metadata,
      List<SafetensorsFile> files,
      Map<String, SafetensorsFile> byTensor) {
    this.source = source;
    this.metadata = metadata;
    this.files = files;
    this.byTensor = byTensor;
  }

  /**
   * Opens the weights in {@code dir}: the index and its shards when the index exists, else {@code
   * model.safetensors}.
   *
   * @throws ModelFormatException when there are no safetensors weights, only pickled ones, or the
   *     files disagree with each other
   */
  public static ShardedSafetensors openDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new ModelFormatException(dir, "is not a directory");
    }
    Path index = dir.resolve(INDEX_FILE);
    if (Files.exists(index)) {
      return openIndex(index);
    }
    Path single = dir.resolve(SINGLE_FILE);
    if (Files.exists(single)) {
      SafetensorsFile file = SafetensorsFile.open(single);
      return new ShardedSafetensors(single, file.metadata(), List.of(file), tensorMap(file));
    }
    List<String> pickled = pickledWeights(dir);
    if (!pickled.isEmpty()) {
      throw new ModelFormatException(
          dir,
          "has only pickled PyTorch weights "
              + pickled
              + ", which sycolab refuses to load because unpickling can run arbitrary code;"
              + " convert them to safetensors, e.g. in Python with"
              + " model.save_pretrained(dir, safe_serialization=True)"
              + (pickled.stream().anyMatch(name -> name.endsWith(".pt"))
                  ? "; a TorchScript export is used by naming its .pt file itself as the model"
                  : ""));
    }
    throw new ModelFormatException(
        dir, "holds no model weights; expected " + SINGLE_FILE + " or " + INDEX_FILE);
  }

  /** The index file, or {@code model.safetensors} for unsharded weights. */
  public Path source() {
    return source;
  }

  /** The weight files, sorted by name. */
  public List<Path> weightFiles() {
    return files.stream().map(SafetensorsFile::path).toList();
  }

  @Override
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public List<TensorInfo> tensors() {
    return byTensor.entrySet().stream()
        .map(entry -> entry.getValue().info(entry.getKey()))
        .toList();
  }

  @Override
  public boolean contains(String name) {
    return byTensor.containsKey(name);
  }

  @Override
  public TensorInfo info(String name) {
    return file(name).info(name);
  }

  @Override
  public float[] readFloats(String name) {
    return file(name).readFloats(name);
  }

  @Override
  public ByteBuffer readFloat32(String name) {
    return file(name).readFloat32(name);
  }

  @Override
  public long[] readLongs(String name) {
    return file(name).readLongs(name);
  }

  @Override
  public byte[] readBytes(String name) {
    return file(name).readBytes(name);
  }

  @Override
  public void close() {
    closeAll(files);
  }

  private SafetensorsFile file(String name) {
    SafetensorsFile file = byTensor.get(name);
    if (file == null) {
      throw new ModelFormatException(source, name, "no tensor of this name in the weights");
    }
    return file;
  }

  private static ShardedSafetensors openIndex(Path index) throws IOException {
    JsonNode root;
    try {
      root = SafetensorsHeader.JSON.readTree(index.toFile());
    } catch (IOException e) {
      throw new ModelFormatException(index, "content", "is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode weightMap = root == null ? null : root.get("weight_map");
    if (weightMap == null || !weightMap.isObject()) {
      throw new ModelFormatException(index, "weight_map", "is missing or not an object");
    }
    Map<String, String> shardOf = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : weightMap.properties()) {
      String shard = entry.getValue().asText();
      if (!entry.getValue().isTextual() || !isPlainFileName(shard)) {
        throw new ModelFormatException(
            index,
            entry.getKey(),
            "weight_map value " + entry.getValue() + " is not a file name in the same directory");
      }
      shardOf.put(entry.getKey(), shard);
    }
    Map<String, SafetensorsFile> shards = openShards(index, shardOf);
    try {
      Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
      for (SafetensorsFile shard : shards.values()) {
        for (TensorInfo info : shard.tensors()) {
          SafetensorsFile other = byTensor.putIfAbsent(info.name(), shard);
          if (other != null) {
            throw new ModelFormatException(
                shard.path(), info.name(), "is also in the shard " + other.path().getFileName());
          }
        }
      }
      shardOf.forEach(
          (tensor, shardName) -> {
            SafetensorsFile shard = shards.get(shardName);
            if (!shard.contains(tensor)) {
              throw new ModelFormatException(
                  shard.path(),
                  tensor,
                  "missing from this shard, where " + INDEX_FILE + " says it is");
            }
          });
      return new ShardedSafetensors(
          index, indexMetadata(root), List.copyOf(shards.values()), byTensor);
    } catch (RuntimeException e) {
      closeAll(shards.values());
      throw e;
    }
  }

  /** Opens each shard once, in name order; closes those already open when one fails. */
  private static Map<String, SafetensorsFile> openShards(Path index, Map<String, String> shardOf)
      throws IOException {
    Map<String, SafetensorsFile> shards = new TreeMap<>();
    try {
      for (String name : shardOf.values()) {
        if (shards.containsKey(name)) {
          continue;
        }
        Path shard = index.resolveSibling(name);
        if (!Files.isRegularFile(shard)) {
          throw new ModelFormatException(
              index, name, "shard listed in weight_map does not exist next to the index");
        }
        shards.put(name, SafetensorsFile.open(shard));
      }
    } catch (IOException | RuntimeException e) {
      closeAll(shards.values());
      throw e;
    }
    return shards;
  }

  private static Map<String, String> indexMetadata(JsonNode root) {
    JsonNode node = root.get("metadata");
    Map<String, String> metadata = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties()
          .forEach(
              entry ->
                  metadata.put(
                      entry.getKey(),
                      entry.getValue().isTextual()
                          ? entry.getValue().textValue()
                          : entry.getValue().toString()));
    }
    return Map.copyOf(metadata);
  }

  private static Map<String, SafetensorsFile> tensorMap(SafetensorsFile file) {
    Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
    file.tensors().forEach(info -> byTensor.put(info.name(), file));
    return byTensor;
  }

  private static boolean isPlainFileName(String name) {
    return !name.isEmpty()
        && !name.contains("/")
        && !name.contains("\\")
        && !name.equals(".")
        && !name.equals("..");
  }

  private static List<String> pickledWeights(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (PICKLE_SUFFIXES.stream().anyMatch(name::endsWith) && Files.isRegularFile(entry)) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return names;
  }

  private static void closeAll(Iterable<SafetensorsFile> files) {
    for (SafetensorsFile file : files) {
      file.close();
    }
  }
}
