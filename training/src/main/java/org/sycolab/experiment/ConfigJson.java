package org.sycolab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.features.Shard;
import org.sycolab.heads.TrainingTarget;

/**
 * A stage's config as the plain values its manifest records under {@link #KEY} and a resume
 * compares: a record becomes a map of its components by snake_case name, a path inside the run
 * directory its path relative to the run (so a moved run still matches), any other path its
 * absolute form, a training target or a shard its command-line text ({@code mixture:0.5}, {@code
 * 1/4}), an enum its name, a list a list; numbers, text and booleans stay as they are. Any other
 * type is refused, rather than recorded in a form a resume could not compare.
 */
final class ConfigJson {

  /** The manifest config's key for the stage's config. */
  static final String KEY = "stage_config";

  /** The manifest config's key for the run directory the stage ran in. */
  static final String RUN_DIRECTORY = "run_directory";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigJson() {}

  /** {@code config} as plain values, its paths read against the run directory {@code run}. */
  static Object of(Record config, Path run) {
    return plain(config, run.toAbsolutePath().normalize());
  }

  /** Whether two plain values are the same JSON (a number read back equals the one written). */
  static boolean same(Object a, Object b) {
    return tree(a).equals(tree(b));
  }

  private static JsonNode tree(Object value) {
    try {
      return JSON.readTree(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stage config that is not JSON: " + value, e);
    }
  }

  private static Object plain(Object value, Path run) {
    if (value instanceof TrainingTarget || value instanceof Shard) {
      return value.toString();
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Path path) {
      Path absolute = path.toAbsolutePath().normalize();
      return absolute.startsWith(run) ? run.relativize(absolute).toString() : absolute.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof List<?> list) {
      List<Object> values = new ArrayList<>();
      list.forEach(item -> values.add(plain(item, run)));
      return values;
    }
    if (value instanceof Record record) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        fields.put(snakeCase(component.getName()), plain(read(component, record), run));
      }
      return fields;
    }
    throw new IllegalArgumentException(
        "a stage config holds a "
            + value.getClass().getName()
            + ", which its manifest cannot record as plain values: "
            + value);
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
    }
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
