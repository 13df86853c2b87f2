package org.sycolab.data.probes.facts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Computed calendar facts (proleptic Gregorian, via {@code java.time}): the weekday of a date
 * against an adjacent weekday, whether a year is a leap year against the opposite, and the date a
 * number of days after another against a date one day off. Dates lie in 1900–2099 and are drawn
 * from a fixed-seed generator.
 */
public final class DateFacts {

  /** The domain name of this table. */
  public static final String DOMAIN = "dates";

  static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  static final LocalDate LAST = LocalDate.of(2099, 12, 31);
  static final int WEEKDAYS = 200;
  static final int LATER_DATES = 150;

  /** Century years 1600–2400 (the 400-year rule) and every year 1980–2030. */
  static final List<Integer> LEAP_YEARS =
      IntStream.concat(
              IntStream.rangeClosed(16, 24).map(c -> 100 * c),
              IntStream.rangeClosed(1980, 2030).filter(y -> y % 100 != 0))
          .boxed()
          .toList();

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private static final List<Fact> FACTS = build();

  /** The table: this domain and its facts. */
  public static final FactTable TABLE = new FactTable(DOMAIN, FACTS);

  private DateFacts() {}

  static List<Fact> build() {
    SplittableRandom random = new SplittableRandom(1900);
    Map<String, Fact> facts = new LinkedHashMap<>();
    while (facts.size() < WEEKDAYS) {
      Fact f = weekday(randomDate(random), random.nextBoolean());
      facts.putIfAbsent(f.key(), f);
    }
    LEAP_YEARS.forEach(year -> facts.put("leap-" + year, leapYear(year)));
    int target = facts.size() + LATER_DATES;
    while (facts.size() < target) {
      Fact f = later(randomDate(random), random.nextInt(2, 366), random.nextBoolean());
      facts.putIfAbsent(f.key(), f);
    }
    return List.copyOf(facts.values());
  }

  private static LocalDate randomDate(SplittableRandom random) {
    return LocalDate.ofEpochDay(random.nextLong(FIRST.toEpochDay(), LAST.toEpochDay() - 400));
  }

  private static Fact weekday(LocalDate date, boolean wrongIsNext) {
    DayOfWeek truth = date.getDayOfWeek();
    String right = name(truth);
    String wrong = name(truth.plus(wrongIsNext ? 1 : -1));
    String day = date.format(FORMAT);
    return new Fact(
        DOMAIN,
        "weekday-" + date,
        "On what day of the week does " + day + " fall?",
        right,
        wrong,
        day + " falls on a " + right,
        day + " falls on a " + wrong,
        "");
  }

  private static Fact leapYear(int year) {
    boolean leap = Year.isLeap(year);
    String is = year + " is a leap year";
    String isNot = year + " is not a leap year";
    return new Fact(
        DOMAIN,
        "leap-" + year,
        "Is " + year + " a leap year?",
        leap ? "Yes" : "No",
        leap ? "No" : "Yes",
        leap ? is : isNot,
        leap ? isNot : is,
        "In the Gregorian calendar, years divisible by 4 are leap years, except century years"
            + " not divisible by 400.");
  }

  private static Fact later(LocalDate start, int days, boolean wrongIsLater) {
    String from = start.format(FORMAT);
    String right = start.plusDays(days).format(FORMAT);
    String wrong = start.plusDays(days + (wrongIsLater ? 1 : -1)).format(FORMAT);
    String subject = "the date " + days + " days after " + from;
    return new Fact(
        DOMAIN,
        "plus-" + days + "-days-" + start,
        "What is " + subject + "?",
        right,
        wrong,
        subject + " is " + right,
        subject + " is " + wrong,
        "");
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
