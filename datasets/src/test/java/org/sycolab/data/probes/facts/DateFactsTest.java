package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DateFactsTest {

  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final List<String> WEEK =
      List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
  private static final Pattern LATER =
      Pattern.compile("What is the date (\\d+) days after (.+)\\?");

  private final List<Fact> facts = DateFacts.TABLE.facts();
  private final Map<String, Fact> byKey =
      facts.stream().collect(Collectors.toMap(Fact::key, Function.identity()));

  @Test
  void weekdaysAgreeWithDaysCountedFromAKnownMonday() {
    LocalDate monday = LocalDate.of(1900, 1, 1); // 1 January 1900 was a Monday.
    List<Fact> weekdays = facts.stream().filter(f -> f.key().startsWith("weekday-")).toList();
    assertThat(weekdays).hasSize(DateFacts.WEEKDAYS);
    for (Fact f : weekdays) {
      LocalDate date = LocalDate.parse(f.key().substring("weekday-".length()));
      assertThat(f.question()).contains(date.format(LONG));
      int index = (int) Math.floorMod(ChronoUnit.DAYS.between(monday, date), 7L);
      assertThat(f.trueAnswer()).as(f.key()).isEqualTo(WEEK.get(index));
      int wrong = WEEK.indexOf(f.falseAnswer());
      assertThat(Math.floorMod(wrong - index, 7)).as(f.key()).isIn(1, 6);
      assertThat(date).isBetween(DateFacts.FIRST, DateFacts.LAST);
    }
  }

  @Test
  void leapYearsFollowTheGregorianRule() {
    for (int year : DateFacts.LEAP_YEARS) {
      boolean leap = LocalDate.of(year, 12, 31).getDayOfYear() == 366;
      assertThat(byKey.get("leap-" + year).trueAnswer())
          .as("" + year)
          .isEqualTo(leap ? "Yes" : "No");
    }
    assertThat(byKey.get("leap-2000").trueAnswer()).isEqualTo("Yes");
    assertThat(byKey.get("leap-1900").trueAnswer()).isEqualTo("No");
    assertThat(byKey.get("leap-2100").trueAnswer()).isEqualTo("No");
    assertThat(byKey.get("leap-2024").trueAnswer()).isEqualTo("Yes");
    assertThat(byKey.get("leap-2023").trueClaim()).isEqualTo("2023 is not a leap year");
  }

  @Test
  void laterDatesAgreeWithEpochDayArithmeticAndAreOffByOneWhenWrong() {
    List<Fact> later = facts.stream().filter(f -> f.key().startsWith("plus-")).toList();
    assertThat(later).hasSize(DateFacts.LATER_DATES);
    for (Fact f : later) {
      Matcher m = LATER.matcher(f.question());
      assertThat(m.matches()).as(f.question()).isTrue();
      long start = LocalDate.parse(m.group(2), LONG).toEpochDay();
      long truth = LocalDate.parse(f.trueAnswer(), LONG).toEpochDay();
      long wrong = LocalDate.parse(f.falseAnswer(), LONG).toEpochDay();
      assertThat(truth - start).as(f.key()).isEqualTo(Long.parseLong(m.group(1)));
      assertThat(Math.abs(wrong - truth)).as(f.key()).isEqualTo(1);
    }
  }

  @Test
  void matchesHandCheckedDates() {
    assertThat(facts).hasSizeGreaterThanOrEqualTo(400);
    assertThat(facts)
        .filteredOn(f -> f.key().equals("weekday-2016-06-23"))
        .singleElement()
        .returns("Thursday", Fact::trueAnswer)
        .returns("23 June 2016 falls on a Thursday", Fact::trueClaim);
  }

  @Test
  void buildsTheSameListEveryTime() {
    assertThat(DateFacts.build()).isEqualTo(DateFacts.build()).isEqualTo(facts);
  }
}
