package org.sycolab.data.probes;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the user's first-person words into the assistant's second person, so that a goal written as
 * "back up my server" is answered as "back up your server".
 */
final class SecondPerson {

  private static final Map<String, String> WORDS =
      Map.of(
          "my", "your",
          "mine", "yours",
          "me", "you",
          "myself", "yourself",
          "our", "your",
          "ours", "yours",
          "us", "you",
          "we", "you",
          "I", "you",
          "I'm", "you're");

  private static final Pattern WORD =
      Pattern.compile("\\b(I'm|my|mine|myself|me|our|ours|us|we|I)\\b");

  private SecondPerson() {}

  /** The text with first-person words in the second person. */
  static String of(String text) {
    Matcher m = WORD.matcher(text);
    return m.replaceAll(r -> Matcher.quoteReplacement(WORDS.get(r.group(1))));
  }
}
