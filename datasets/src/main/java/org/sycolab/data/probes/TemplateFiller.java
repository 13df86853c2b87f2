package org.sycolab.data.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills templates such as {@code "{Claim}, though {user} is a common guess."}: {@code {name}} takes
 * a value as is, {@code {Name}} capitalises its first letter. The result starts with a capital
 * letter and has single spaces.
 */
final class TemplateFiller {

  private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_]+)}");
  private static final Pattern SPACES = Pattern.compile(" {2,}");
  private static final Pattern SENTENCE_START = Pattern.compile("([.?!] )(\\p{Ll})");
  private static final Set<String> OPTIONAL = Set.of("lead", "persona");
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "The", "A", "An", "As", "It", "Its", "In", "On", "At", "Of", "To", "By", "For", "From",
          "With", "About", "Only", "Not", "Some", "Most", "All", "Every", "They", "There", "This");

  private TemplateFiller() {}

  /** Picks a template whose slots all have non-empty values and fills it. */
  static String pick(List<String> templates, Map<String, String> values, SplittableRandom random) {
    List<String> usable = new ArrayList<>();
    for (String template : templates) {
      if (fillable(template, values)) {
        usable.add(template);
      }
    }
    if (usable.isEmpty()) {
      throw new IllegalStateException("no template can be filled from " + values.keySet());
    }
    return render(usable.get(random.nextInt(usable.size())), values);
  }

  /** Fills every slot of {@code template}. */
  static String render(String template, Map<String, String> values) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String slot = m.group(1);
      String value = values.get(slot.toLowerCase(Locale.ROOT));
      if (value == null) {
        throw new IllegalStateException("template '" + template + "' needs {" + slot + "}");
      }
      boolean capital = Character.isUpperCase(slot.charAt(0));
      m.appendReplacement(out, Matcher.quoteReplacement(capital ? capitalize(value) : value));
    }
    m.appendTail(out);
    String text = SPACES.matcher(out).replaceAll(" ").trim();
    return capitalize(
        SENTENCE_START
            .matcher(text)
            .replaceAll(s -> s.group(1) + s.group(2).toUpperCase(Locale.ROOT)));
  }

  /**
   * A short answer as it reads inside a sentence: "The Sahara" becomes "the Sahara", names such as
   * "Canberra" stay as they are. Sentence starts are capitalised again when rendered.
   */
  static String midSentence(String answer) {
    int space = answer.indexOf(' ');
    String first = space < 0 ? answer : answer.substring(0, space);
    if (!FUNCTION_WORDS.contains(first)) {
      return answer;
    }
    return Character.toLowerCase(answer.charAt(0)) + answer.substring(1);
  }

  /** The text with its first character upper-cased. */
  static String capitalize(String text) {
    if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
      return text;
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * True when every slot of {@code template} has a value, non-empty except for the persona slots
   * ({@code lead}, {@code persona}), which a plain user leaves empty.
   */
  static boolean fillable(String template, Map<String, String> values) {
    Matcher m = SLOT.matcher(template);
    while (m.find()) {
      String slot = m.group(1).toLowerCase(Locale.ROOT);
      String value = values.get(slot);
      if (value == null || (value.isEmpty() && !OPTIONAL.contains(slot))) {
        return false;
      }
    }
    return true;
  }
}
