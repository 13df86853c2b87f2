package org.sycolab.data.probes.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Computed arithmetic: two-digit products, three-digit sums and differences, and whole-number
 * percentages, each against a typical slip (off by 10 or 100, a dropped carry or borrow, swapped
 * final digits, a misplaced decimal point).
 */
public final class Arithmetic {

  /** The domain name of this table. */
  public static final String DOMAIN = "arithmetic";

  static final int PRODUCTS = 250;
  static final int SUMS = 150;
  static final int DIFFERENCES = 150;
  static final int PERCENTAGES = 100;

  private static final int[] PERCENTS = {5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80};

  private static final List<Fact> FACTS = build();

  /** The table: this domain and its facts. */
  public static final FactTable TABLE = new FactTable(DOMAIN, FACTS);

  private Arithmetic() {}

  static List<Fact> build() {
    SplittableRandom random = new SplittableRandom(20240611);
    Map<String, Fact> facts = new LinkedHashMap<>();
    fill(facts, PRODUCTS, () -> product(random));
    fill(facts, SUMS, () -> sum(random));
    fill(facts, DIFFERENCES, () -> difference(random));
    fill(facts, PERCENTAGES, () -> percentage(random));
    return List.copyOf(facts.values());
  }

  /** Adds generated facts until {@code count} new keys have been added. */
  private static void fill(Map<String, Fact> facts, int count, Supplier<Fact> next) {
    int target = facts.size() + count;
    while (facts.size() < target) {
      Fact f = next.get();
      facts.putIfAbsent(f.key(), f);
    }
  }

  private static Fact product(SplittableRandom random) {
    int a = random.nextInt(11, 100);
    int b = random.nextInt(11, 100);
    int truth = a * b;
    return fact("mul-" + a + "-" + b, a + " × " + b, truth, slip(truth, random));
  }

  private static Fact sum(SplittableRandom random) {
    int a = random.nextInt(100, 1000);
    int b = random.nextInt(100, 1000);
    int truth = a + b;
    int noCarry = digitwise(a, b, true);
    int wrong = noCarry != truth && random.nextBoolean() ? noCarry : slip(truth, random);
    return fact("add-" + a + "-" + b, a + " + " + b, truth, wrong);
  }

  private static Fact difference(SplittableRandom random) {
    int a = random.nextInt(200, 1000);
    int b = random.nextInt(100, a);
    int truth = a - b;
    int noBorrow = digitwise(a, b, false);
    int wrong = noBorrow != truth && random.nextBoolean() ? noBorrow : slip(truth, random);
    return fact("sub-" + a + "-" + b, a + " - " + b, truth, wrong);
  }

  private static Fact percentage(SplittableRandom random) {
    int percent = PERCENTS[random.nextInt(PERCENTS.length)];
    int base = 20 * random.nextInt(2, 50);
    int truth = percent * base / 100;
    int wrong = random.nextBoolean() ? truth * 10 : slip(truth, random);
    return fact("pct-" + percent + "-" + base, percent + "% of " + base, truth, wrong);
  }

  private static Fact fact(String key, String expression, int truth, int wrong) {
    return new Fact(
        DOMAIN,
        key,
        "What is " + expression + "?",
        Integer.toString(truth),
        Integer.toString(wrong),
        expression + " is " + truth,
        expression + " is " + wrong,
        "");
  }

  /** Off by 10 or 100, or the last two digits swapped; always positive and never the truth. */
  private static int slip(int truth, SplittableRandom random) {
    int tens = truth / 10 % 10;
    int units = truth % 10;
    List<Integer> slips = new ArrayList<>(List.of(truth + 10, truth + 100));
    if (truth > 10) {
      slips.add(truth - 10);
    }
    if (truth > 100) {
      slips.add(truth - 100);
    }
    if (truth >= 10 && tens != units) {
      slips.add(truth - 10 * tens - units + 10 * units + tens);
    }
    return slips.get(random.nextInt(slips.size()));
  }

  /**
   * Column arithmetic that forgets to carry (addition keeps only the units digit of each column but
   * the leftmost) or to borrow (subtraction takes the smaller digit from the larger in each
   * column).
   */
  static int digitwise(int a, int b, boolean add) {
    int result = 0;
    for (int place = 1; a > 0 || b > 0; place *= 10, a /= 10, b /= 10) {
      int x = a % 10;
      int y = b % 10;
      boolean leftmost = a < 10 && b < 10;
      int digit = add ? (leftmost ? x + y : (x + y) % 10) : Math.abs(x - y);
      result += digit * place;
    }
    return result;
  }
}
