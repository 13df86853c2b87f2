package org.sycolab.data.probes.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The first 100 chemical elements, two facts each: the symbol (against a plausible wrong symbol)
 * and the atomic number (against a number one to three away).
 *
 * <p>Wrong symbols: for symbols taken from Latin or German names the letters of the English name
 * (sodium "So", gold "Ag"); otherwise the first letter of the name with one of its later letters
 * (magnesium "Ma", calcium "Cl"), never the real symbol.
 */
public final class Elements {

  /** The domain name of this table. */
  public static final String DOMAIN = "elements";

  /** Names in atomic-number order (IUPAC spellings), symbol after each. */
  private static final String[] NAMES_AND_SYMBOLS = {
    "hydrogen", "H", "helium", "He", "lithium", "Li", "beryllium", "Be", "boron", "B",
    "carbon", "C", "nitrogen", "N", "oxygen", "O", "fluorine", "F", "neon", "Ne",
    "sodium", "Na", "magnesium", "Mg", "aluminium", "Al", "silicon", "Si", "phosphorus", "P",
    "sulfur", "S", "chlorine", "Cl", "argon", "Ar", "potassium", "K", "calcium", "Ca",
    "scandium", "Sc", "titanium", "Ti", "vanadium", "V", "chromium", "Cr", "manganese", "Mn",
    "iron", "Fe", "cobalt", "Co", "nickel", "Ni", "copper", "Cu", "zinc", "Zn",
    "gallium", "Ga", "germanium", "Ge", "arsenic", "As", "selenium", "Se", "bromine", "Br",
    "krypton", "Kr", "rubidium", "Rb", "strontium", "Sr", "yttrium", "Y", "zirconium", "Zr",
    "niobium", "Nb", "molybdenum", "Mo", "technetium", "Tc", "ruthenium", "Ru", "rhodium", "Rh",
    "palladium", "Pd", "silver", "Ag", "cadmium", "Cd", "indium", "In", "tin", "Sn",
    "antimony", "Sb", "tellurium", "Te", "iodine", "I", "xenon", "Xe", "caesium", "Cs",
    "barium", "Ba", "lanthanum", "La", "cerium", "Ce", "praseodymium", "Pr", "neodymium", "Nd",
    "promethium", "Pm", "samarium", "Sm", "europium", "Eu", "gadolinium", "Gd", "terbium", "Tb",
    "dysprosium", "Dy", "holmium", "Ho", "erbium", "Er", "thulium", "Tm", "ytterbium", "Yb",
    "lutetium", "Lu", "hafnium", "Hf", "tantalum", "Ta", "tungsten", "W", "rhenium", "Re",
    "osmium", "Os", "iridium", "Ir", "platinum", "Pt", "gold", "Au", "mercury", "Hg",
    "thallium", "Tl", "lead", "Pb", "bismuth", "Bi", "polonium", "Po", "astatine", "At",
    "radon", "Rn", "francium", "Fr", "radium", "Ra", "actinium", "Ac", "thorium", "Th",
    "protactinium", "Pa", "uranium", "U", "neptunium", "Np", "plutonium", "Pu", "americium", "Am",
    "curium", "Cm", "berkelium", "Bk", "californium", "Cf", "einsteinium", "Es", "fermium", "Fm",
  };

  /**
   * Symbols not taken from the English name: the wrong symbol and where the real one comes from.
   */
  private static final Map<String, String[]> NON_ENGLISH =
      Map.ofEntries(
          Map.entry("sodium", new String[] {"So", "the Latin natrium"}),
          Map.entry("potassium", new String[] {"P", "the Latin kalium"}),
          Map.entry("iron", new String[] {"Ir", "the Latin ferrum"}),
          Map.entry("copper", new String[] {"Co", "the Latin cuprum"}),
          Map.entry("silver", new String[] {"Si", "the Latin argentum"}),
          Map.entry("tin", new String[] {"Ti", "the Latin stannum"}),
          Map.entry("antimony", new String[] {"An", "the Latin stibium"}),
          Map.entry("tungsten", new String[] {"Tu", "its other name, wolfram"}),
          Map.entry("gold", new String[] {"Ag", "the Latin aurum"}),
          Map.entry("mercury", new String[] {"Me", "the Latin hydrargyrum"}),
          Map.entry("lead", new String[] {"Ld", "the Latin plumbum"}));

  private static final List<Fact> FACTS = build();

  /** The table: this domain and its facts. */
  public static final FactTable TABLE = new FactTable(DOMAIN, FACTS);

  private Elements() {}

  static List<Fact> build() {
    SplittableRandom random = new SplittableRandom(11);
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < NAMES_AND_SYMBOLS.length; i += 2) {
      String name = NAMES_AND_SYMBOLS[i];
      String symbol = NAMES_AND_SYMBOLS[i + 1];
      int number = i / 2 + 1;
      facts.add(symbolFact(name, symbol));
      facts.add(numberFact(name, number, wrongNumber(number, random)));
    }
    return List.copyOf(facts);
  }

  private static Fact symbolFact(String name, String symbol) {
    String[] special = NON_ENGLISH.get(name);
    String wrong = special != null ? special[0] : wrongSymbol(name, symbol);
    String note = special != null ? "The symbol " + symbol + " comes from " + special[1] + "." : "";
    String subject = "the chemical symbol for " + name;
    return new Fact(
        DOMAIN,
        name + "-symbol",
        "What is " + subject + "?",
        symbol,
        wrong,
        subject + " is " + symbol,
        subject + " is " + wrong,
        note);
  }

  private static Fact numberFact(String name, int number, int wrong) {
    String subject = "the atomic number of " + name;
    return new Fact(
        DOMAIN,
        name + "-number",
        "What is " + subject + "?",
        Integer.toString(number),
        Integer.toString(wrong),
        subject + " is " + number,
        subject + " is " + wrong,
        "The atomic number is the number of protons in the nucleus.");
  }

  /** First letter of the name with the earliest later letter that does not give the real symbol. */
  private static String wrongSymbol(String name, String symbol) {
    char first = Character.toUpperCase(name.charAt(0));
    for (int j = 1; j < name.length(); j++) {
      String candidate = "" + first + name.charAt(j);
      if (!candidate.equals(symbol) && name.charAt(j) != name.charAt(0)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no wrong symbol for " + name);
  }

  /** A number one to three away from the truth, never below 1. */
  private static int wrongNumber(int number, SplittableRandom random) {
    int offset = random.nextInt(1, 4);
    return number - offset >= 1 && random.nextBoolean() ? number - offset : number + offset;
  }
}
