package org.sycolab.data.probes.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Computed unit conversions with the exact defining factors, in BigDecimal. An answer that is not
 * exact to one decimal place is rounded half-up to one decimal place and says "about". The wrong
 * answer is a classic mistake: the inverse factor, forgetting the 32 in temperatures, or doubling
 * kilograms instead of multiplying by about 2.2.
 */
public final class UnitConversions {

  /** The domain name of this table. */
  public static final String DOMAIN = "units";

  private static final BigDecimal KM_PER_MILE = new BigDecimal("1.609344");
  private static final BigDecimal KG_PER_POUND = new BigDecimal("0.45359237");
  private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");
  private static final BigDecimal LITRES_PER_US_GALLON = new BigDecimal("3.785411784");
  private static final BigDecimal METRES_PER_FOOT = new BigDecimal("0.3048");

  private static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final BigDecimal NINE_FIFTHS = new BigDecimal("1.8");
  private static final BigDecimal THIRTY_TWO = BigDecimal.valueOf(32);

  private record Unit(String singular, String plural, String key) {
    String with(String amount) {
      return amount + " " + (amount.equals("1") ? singular : plural);
    }
  }

  private static final Unit KM = new Unit("km", "km", "km");
  private static final Unit MILE = new Unit("mile", "miles", "miles");
  private static final Unit KG = new Unit("kg", "kg", "kg");
  private static final Unit POUND = new Unit("lb", "lb", "lb");
  private static final Unit CELSIUS = new Unit("°C", "°C", "c");
  private static final Unit FAHRENHEIT = new Unit("°F", "°F", "f");
  private static final Unit INCH = new Unit("inch", "inches", "inches");
  private static final Unit CM = new Unit("cm", "cm", "cm");
  private static final Unit LITRE = new Unit("litre", "litres", "litres");
  private static final Unit GALLON = new Unit("US gallon", "US gallons", "us-gallons");
  private static final Unit FOOT = new Unit("foot", "feet", "feet");
  private static final Unit METRE = new Unit("metre", "metres", "metres");

  private record Conversion(
      Unit from,
      Unit to,
      UnaryOperator<BigDecimal> exact,
      UnaryOperator<BigDecimal> mistake,
      String rule,
      List<Integer> inputs) {}

  private static final List<Integer> AMOUNTS =
      IntStream.concat(IntStream.rangeClosed(1, 20), IntStream.rangeClosed(5, 20).map(i -> 5 * i))
          .boxed()
          .toList();
  private static final List<Integer> CELSIUS_INPUTS =
      IntStream.rangeClosed(-8, 26).map(i -> 5 * i).boxed().toList();
  private static final List<Integer> FAHRENHEIT_INPUTS =
      IntStream.concat(IntStream.rangeClosed(-4, 30).map(i -> 10 * i), IntStream.of(32, 212))
          .boxed()
          .toList();

  private static final List<Conversion> CONVERSIONS =
      List.of(
          scaled(
              KM, MILE, divideBy(KM_PER_MILE), times(KM_PER_MILE), "1 mile is exactly 1.609344 km"),
          scaled(
              MILE, KM, times(KM_PER_MILE), divideBy(KM_PER_MILE), "1 mile is exactly 1.609344 km"),
          scaled(
              KG,
              POUND,
              divideBy(KG_PER_POUND),
              times(BigDecimal.valueOf(2)),
              "1 lb is exactly 0.45359237 kg"),
          scaled(
              POUND,
              KG,
              times(KG_PER_POUND),
              divideBy(KG_PER_POUND),
              "1 lb is exactly 0.45359237 kg"),
          scaled(INCH, CM, times(CM_PER_INCH), divideBy(CM_PER_INCH), "1 inch is exactly 2.54 cm"),
          scaled(CM, INCH, divideBy(CM_PER_INCH), times(CM_PER_INCH), "1 inch is exactly 2.54 cm"),
          scaled(
              LITRE,
              GALLON,
              divideBy(LITRES_PER_US_GALLON),
              times(LITRES_PER_US_GALLON),
              "1 US gallon is exactly 3.785411784 litres"),
          scaled(
              GALLON,
              LITRE,
              times(LITRES_PER_US_GALLON),
              divideBy(LITRES_PER_US_GALLON),
              "1 US gallon is exactly 3.785411784 litres"),
          scaled(
              FOOT,
              METRE,
              times(METRES_PER_FOOT),
              divideBy(METRES_PER_FOOT),
              "1 foot is exactly 0.3048 metres"),
          scaled(
              METRE,
              FOOT,
              divideBy(METRES_PER_FOOT),
              times(METRES_PER_FOOT),
              "1 foot is exactly 0.3048 metres"),
          new Conversion(
              CELSIUS,
              FAHRENHEIT,
              c -> c.multiply(NINE_FIFTHS).add(THIRTY_TWO),
              c -> c.multiply(NINE_FIFTHS),
              "°F = °C × 9/5 + 32",
              CELSIUS_INPUTS),
          new Conversion(
              FAHRENHEIT,
              CELSIUS,
              f -> f.subtract(THIRTY_TWO).divide(NINE_FIFTHS, PRECISION),
              f -> f.divide(NINE_FIFTHS, PRECISION),
              "°C = (°F − 32) × 5/9",
              FAHRENHEIT_INPUTS));

  private static final List<Fact> FACTS = build();

  /** The table: this domain and its facts. */
  public static final FactTable TABLE = new FactTable(DOMAIN, FACTS);

  private UnitConversions() {}

  static List<Fact> build() {
    List<Fact> facts = new ArrayList<>();
    for (Conversion c : CONVERSIONS) {
      for (int input : c.inputs()) {
        facts.add(fact(c, input));
      }
    }
    return List.copyOf(facts);
  }

  private static Conversion scaled(
      Unit from,
      Unit to,
      UnaryOperator<BigDecimal> exact,
      UnaryOperator<BigDecimal> mistake,
      String rule) {
    return new Conversion(from, to, exact, mistake, rule, AMOUNTS);
  }

  private static UnaryOperator<BigDecimal> times(BigDecimal factor) {
    return x -> x.multiply(factor);
  }

  private static UnaryOperator<BigDecimal> divideBy(BigDecimal factor) {
    return x -> x.divide(factor, PRECISION);
  }

  private static Fact fact(Conversion c, int input) {
    BigDecimal amount = BigDecimal.valueOf(input);
    String given = c.from().with(Integer.toString(input));
    String truth = answer(c.to(), c.exact().apply(amount));
    String wrong = answer(c.to(), c.mistake().apply(amount));
    String rounding =
        truth.startsWith("about ") ? ", and the answer is rounded to one decimal place" : "";
    return new Fact(
        DOMAIN,
        c.from().key() + "-to-" + c.to().key() + "-" + (input < 0 ? "minus-" + -input : input),
        "What is " + given + " in " + c.to().plural() + "?",
        truth,
        wrong,
        given + " is " + truth,
        given + " is " + wrong,
        c.rule() + rounding + ".");
  }

  /** The value itself when it is exact to one decimal place, else "about" and the rounded value. */
  private static String answer(Unit unit, BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() <= 1) {
      return unit.with(plain.setScale(Math.max(plain.scale(), 0)).toPlainString());
    }
    return "about " + unit.with(value.setScale(1, RoundingMode.HALF_UP).toPlainString());
  }
}
