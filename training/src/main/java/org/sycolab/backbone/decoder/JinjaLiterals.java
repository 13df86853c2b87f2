package org.sycolab.backbone.decoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Jinja template's expression and statement tags, with their escapes
 * resolved. Text outside the tags and inside comments is skipped, so an apostrophe there does not
 * open a literal.
 */
final class JinjaLiterals {

  private JinjaLiterals() {}

  /** The literals in the order they appear. */
  static List<String> of(String template) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    while (i < template.length() - 1) {
      String open = template.substring(i, i + 2);
      if (open.equals("{{") || open.equals("{%")) {
        i = readTag(template, i + 2, literals);
      } else if (open.equals("{#")) {
        int end = template.indexOf("#}", i + 2);
        i = end < 0 ? template.length() : end + 2;
      } else {
        i++;
      }
    }
    return literals;
  }

  /** Reads a tag's body from {@code i}, collecting its literals; returns the index after it. */
  private static int readTag(String template, int i, List<String> literals) {
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '\'' || c == '"') {
        i = readLiteral(template, i, literals);
      } else if ((c == '}' || c == '%') && template.startsWith("}", i + 1)) {
        return i + 2;
      } else {
        i++;
      }
    }
    return i;
  }

  /** Reads the literal whose quote is at {@code i}; returns the index after its closing quote. */
  private static int readLiteral(String template, int i, List<String> literals) {
    char quote = template.charAt(i);
    StringBuilder text = new StringBuilder();
    i++;
    while (i < template.length() && template.charAt(i) != quote) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        text.append(unescape(template.charAt(i + 1)));
        i += 2;
      } else {
        text.append(c);
        i++;
      }
    }
    literals.add(text.toString());
    return i + 1;
  }

  /** What a backslash escape stands for, as in Python; an unknown one keeps its backslash. */
  private static String unescape(char escaped) {
    return switch (escaped) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '\\', '\'', '"' -> String.valueOf(escaped);
      default -> "\\" + escaped;
    };
  }
}
