package org.sycolab.data.probes.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computed letter counts in common English words ("How many times does the letter 'r' appear in
 * 'strawberry'?"). Each word contributes its three most frequent letters (ties in order of first
 * appearance). The wrong count is one too few for letters that repeat, the usual miscount, and one
 * too many otherwise.
 */
public final class LetterCounts {

  /** The domain name of this table. */
  public static final String DOMAIN = "letters";

  private static final int LETTERS_PER_WORD = 3;

  /** Lower-case words, each once. */
  static final List<String> WORDS =
      List.of(
          "strawberry",
          "banana",
          "mississippi",
          "bookkeeper",
          "committee",
          "necessary",
          "accommodate",
          "embarrass",
          "occurrence",
          "parallel",
          "balloon",
          "coffee",
          "success",
          "address",
          "letter",
          "apple",
          "butter",
          "cherry",
          "raspberry",
          "blueberry",
          "pepper",
          "tomato",
          "potato",
          "avocado",
          "pineapple",
          "coconut",
          "cinnamon",
          "chocolate",
          "vanilla",
          "broccoli",
          "spaghetti",
          "zucchini",
          "hippopotamus",
          "elephant",
          "giraffe",
          "kangaroo",
          "rhinoceros",
          "crocodile",
          "alligator",
          "penguin",
          "dolphin",
          "octopus",
          "parrot",
          "rabbit",
          "squirrel",
          "mosquito",
          "butterfly",
          "caterpillar",
          "grasshopper",
          "bumblebee",
          "mammal",
          "antelope",
          "cheetah",
          "gorilla",
          "koala",
          "buffalo",
          "llama",
          "peacock",
          "woodpecker",
          "raccoon",
          "possum",
          "umbrella",
          "window",
          "doorbell",
          "kitchen",
          "bathroom",
          "ceiling",
          "staircase",
          "furniture",
          "cupboard",
          "blanket",
          "pillow",
          "mattress",
          "television",
          "computer",
          "keyboard",
          "telephone",
          "calendar",
          "notebook",
          "pencil",
          "scissors",
          "envelope",
          "library",
          "museum",
          "hospital",
          "restaurant",
          "supermarket",
          "pharmacy",
          "cinema",
          "theatre",
          "stadium",
          "airport",
          "station",
          "bridge",
          "tunnel",
          "mountain",
          "volcano",
          "river",
          "waterfall",
          "desert",
          "forest",
          "island",
          "ocean",
          "valley",
          "glacier",
          "thunder",
          "lightning",
          "rainbow",
          "hurricane",
          "tornado",
          "weather",
          "temperature",
          "summer",
          "winter",
          "autumn",
          "spring",
          "morning",
          "afternoon",
          "evening",
          "midnight",
          "yesterday",
          "tomorrow",
          "birthday",
          "holiday",
          "weekend",
          "january",
          "february",
          "september",
          "october",
          "november",
          "december",
          "wednesday",
          "saturday",
          "teacher",
          "student",
          "engineer",
          "doctor",
          "lawyer",
          "carpenter",
          "plumber",
          "gardener",
          "professor",
          "president",
          "government",
          "parliament",
          "democracy",
          "economy",
          "business",
          "millennium",
          "possession",
          "assessment",
          "successful",
          "beginning",
          "different",
          "difficult",
          "beautiful",
          "excellent",
          "happiness",
          "friendship",
          "knowledge",
          "language",
          "grammar",
          "sentence",
          "paragraph",
          "dictionary",
          "vocabulary",
          "alphabet",
          "mathematics",
          "geography",
          "chemistry",
          "biology",
          "physics",
          "history",
          "science",
          "technology",
          "internet",
          "software",
          "programming",
          "algorithm",
          "database",
          "basketball",
          "football",
          "volleyball",
          "baseball",
          "tennis",
          "swimming",
          "running",
          "marathon",
          "bicycle",
          "motorcycle",
          "helicopter",
          "submarine",
          "engine",
          "goodbye",
          "hello",
          "really",
          "bubble",
          "puzzle",
          "pizza",
          "jazz",
          "balloonist",
          "tattoo",
          "cookbook",
          "referee",
          "assassin",
          "pepperoni",
          "tennessee",
          "massachusetts",
          "connecticut",
          "cincinnati",
          "philippines",
          "afghanistan",
          "australia",
          "canada",
          "sweden",
          "norway",
          "germany",
          "portugal");

  private static final List<Fact> FACTS = build();

  /** The table: this domain and its facts. */
  public static final FactTable TABLE = new FactTable(DOMAIN, FACTS);

  private LetterCounts() {}

  static List<Fact> build() {
    List<Fact> facts = new ArrayList<>();
    for (String word : WORDS) {
      int[] counts = new int[26];
      word.chars().forEach(c -> counts[c - 'a']++);
      word.chars()
          .distinct()
          .boxed()
          .sorted(Comparator.comparingInt((Integer c) -> -counts[c - 'a']))
          .limit(LETTERS_PER_WORD)
          .forEach(c -> facts.add(fact(word, (char) c.intValue(), counts[c - 'a'])));
    }
    return List.copyOf(facts);
  }

  private static Fact fact(String word, char letter, int count) {
    int wrong = count >= 2 ? count - 1 : count + 1;
    String subject = "the letter '" + letter + "'";
    String quoted = "'" + word + "'";
    return new Fact(
        DOMAIN,
        word + "-" + letter,
        "How many times does " + subject + " appear in " + quoted + "?",
        Integer.toString(count),
        Integer.toString(wrong),
        subject + " appears " + times(count) + " in " + quoted,
        subject + " appears " + times(wrong) + " in " + quoted,
        "");
  }

  private static String times(int n) {
    return n + (n == 1 ? " time" : " times");
  }
}
