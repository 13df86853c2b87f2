package org.sycolab.backbone;

import java.nio.file.Path;

/**
 * A model file that cannot be used: missing, malformed, or disagreeing with its config. The message
 * names the file and, where there is one, the tensor or field.
 */
public final class ModelFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A problem with a whole file. */
  public ModelFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** A problem with one tensor or field of a file. */
  public ModelFormatException(Path file, String tensorOrField, String problem) {
    super(file + ": " + tensorOrField + ": " + problem);
  }

  /** A problem with one field of a text file, at a line and column (both from 1). */
  public ModelFormatException(Path file, long line, long column, String field, String problem) {
    super(file + ":" + line + ":" + column + ": " + field + ": " + problem);
  }

  /** A problem with one tensor or field of a file, caused by another exception. */
  public ModelFormatException(Path file, String tensorOrField, String problem, Throwable cause) {
    super(file + ": " + tensorOrField + ": " + problem, cause);
  }
}
