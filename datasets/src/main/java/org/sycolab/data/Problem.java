package org.sycolab.data;

/**
 * One thing wrong with a dataset file, located precisely enough to fix by hand.
 *
 * @param file the file as the user named it
 * @param line 1-based line number; 0 for a problem with the file as a whole
 * @param field the JSON field, e.g. {@code candidates[2].truthful}; empty when the line as a whole
 *     is wrong
 * @param message what was expected, and what was found
 */
public record Problem(String file, long line, String field, String message) {

  /** {@code file:line: field: message}, the form editors and terminals link to. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (!field.isEmpty()) {
      text.append(field).append(": ");
    }
    return text.append(message).toString();
  }
}
