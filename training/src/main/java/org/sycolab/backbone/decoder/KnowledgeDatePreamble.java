package org.sycolab.backbone.decoder;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text Llama 3.1 and 3.2 templates write at the start of their system block, before the system
 * message: {@code Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n}.
 *
 * <p>Llama 3.2's template writes today's date there ({@code strftime_now("%d %b %Y")}) when it can,
 * and a fixed date otherwise; Llama 3.1's always writes its fixed date. sycolab always writes the
 * fixed date, the one found among the template's literals (or {@value #FALLBACK_DATE} when there is
 * none), so that a pair's tokens, and so its vectors, do not change from one day to the next.
 */
final class KnowledgeDatePreamble {

  /** What starts the preamble, and marks a template as Llama 3.1's shape. */
  static final String MARKER = "Cutting Knowledge Date";

  /** The date both templates fall back to. */
  static final String FALLBACK_DATE = "26 Jul 2024";

  private static final String TODAY = "Today Date: ";
  private static final Pattern DATE = Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}");

  private KnowledgeDatePreamble() {}

  /**
   * The preamble of a template with the given string literals, or empty when none of them holds
   * {@value #MARKER}: the text of that literal from the marker on, the literal that starts with
   * {@code Today Date: } (or that text), the fixed date and a blank line.
   */
  static Optional<String> of(List<String> literals) {
    Optional<String> cutoff =
        literals.stream()
            .filter(literal -> literal.contains(MARKER))
            .findFirst()
            .map(literal -> literal.substring(literal.indexOf(MARKER)));
    String today =
        literals.stream().filter(literal -> literal.startsWith(TODAY)).findFirst().orElse(TODAY);
    String date =
        literals.stream()
            .filter(literal -> DATE.matcher(literal).matches())
            .findFirst()
            .orElse(FALLBACK_DATE);
    return cutoff.map(text -> text + today + date + "\n\n");
  }
}
