package org.sycolab.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/**
 * Where in a JSON or YAML document a reading error is, as the one-line errors of sycolab's readers
 * (experiment files, manifests, head cards) say it: {@code :line:column} after the file, and the
 * field as {@code history[2].dev_loss}.
 */
public final class JsonPlaces {

  private JsonPlaces() {}

  /** {@code :line:column}, or nothing when the parser knows no line. */
  public static String located(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : ":" + location.getLineNr() + ":" + location.getColumnNr();
  }

  /** The field the error is about, as {@code a.b[2].c}; empty at the top of the document. */
  public static String field(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
