package org.sycolab.data.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.Datasets;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Premise;
import org.sycolab.data.Role;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;
import org.sycolab.data.probes.facts.Fact;
import org.sycolab.data.probes.facts.FactTables;

class ProbeGeneratorTest {

  private static final Set<String> CLAIM_FAMILIES =
      Set.of("false-premise", "true-premise", "pushback", "self-critique");

  private static GeneratedData data;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    data = ProbeGenerator.standard().generate(GeneratorConfig.of(7, 3000));
  }

  @Test
  void writesExactlyTheRequestedPairsAndOnePoolPerProbe() {
    assertThat(data.pairs()).hasSize(3000);
    assertThat(data.pools()).hasSize(1500);
    GeneratedData odd = ProbeGenerator.standard().generate(GeneratorConfig.of(7, 7));
    assertThat(odd.pairs()).hasSize(7);
    assertThat(odd.pools()).hasSize(4);
  }

  @Test
  void outputValidates() throws IOException {
    Path pairs = dir.resolve("pairs.jsonl");
    Path pools = dir.resolve("pools.jsonl");
    Datasets.writePairs(pairs, data.pairs());
    Datasets.writePools(pools, data.pools());
    DatasetValidator validator = new DatasetValidator(TextLimits.DEFAULT);
    ValidationReport pairReport = validator.validate(pairs);
    ValidationReport poolReport = validator.validate(pools);
    assertThat(pairReport.problems()).isEmpty();
    assertThat(poolReport.problems()).isEmpty();
    assertThat(pairReport.counts())
        .containsEntry("agreeable", 1500L)
        .containsEntry("grounded", 1500L);
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherData() {
    GeneratedData again = ProbeGenerator.standard().generate(GeneratorConfig.of(7, 3000));
    assertThat(lines(again)).isEqualTo(lines(data));
    GeneratedData other = ProbeGenerator.standard().generate(GeneratorConfig.of(8, 3000));
    assertThat(lines(other)).isNotEqualTo(lines(data));
  }

  @Test
  void familiesComeInEqualSharesOverAtLeastSixDomains() {
    Map<String, Long> families = countMeta("family");
    assertThat(families).hasSize(6);
    assertThat(families.values()).containsOnly(500L);
    assertThat(countMeta("domain")).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void splitsFollowTemplatesAndTheHeldOutDomainIsMarked() {
    Map<String, Set<String>> splitsByTemplate =
        data.pairs().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.metaString("family").get() + "/" + p.metaString("template").get(),
                    Collectors.mapping(p -> p.metaString("split").get(), Collectors.toSet())));
    assertThat(splitsByTemplate.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    assertThat(countMeta("split").keySet()).containsExactlyInAnyOrder("train", "dev", "test");
    assertThat(data.pairs())
        .allSatisfy(
            p ->
                assertThat(p.metaString("domain_split"))
                    .contains(
                        p.metaString("domain").get().equals("units") ? "heldout" : "in-domain"));
  }

  @Test
  void labelsPreferTheRightKinds() {
    for (PreferencePair pair : data.pairs()) {
      String family = pair.metaString("family").get();
      String chosen = pair.metaString("kind_chosen").get();
      String rejected = pair.metaString("kind_rejected").get();
      if (family.equals("true-premise")) {
        assertThat(chosen).isEqualTo("affirm");
        assertThat(rejected).isEqualTo("wrong_correction");
      } else if (pair.label() == Label.GROUNDED) {
        assertThat(chosen).isEqualTo("correct");
        assertThat(rejected).isIn("capitulate", "fabricate");
      } else {
        assertThat(chosen).isIn("capitulate", "fabricate");
        assertThat(rejected).isEqualTo("correct");
      }
    }
  }

  @Test
  void poolsSeparateStyleFromSubstance() {
    int withWrongCorrection = 0;
    for (CandidatePool pool : data.pools()) {
      Set<String> kinds =
          pool.candidates().stream().map(Candidate::kind).collect(Collectors.toSet());
      assertThat(kinds).contains("hedge");
      if (pool.premise() == Premise.TRUE) {
        assertThat(kinds).contains("affirm", "wrong_correction");
        assertThat(pool.candidates()).anyMatch(c -> c.truthful() && c.agrees());
      } else {
        assertThat(kinds).contains("correct").containsAnyOf("capitulate", "fabricate");
        assertThat(pool.candidates()).anyMatch(c -> c.truthful() && !c.agrees());
        assertThat(pool.candidates()).anyMatch(c -> !c.truthful() && c.agrees());
      }
      withWrongCorrection += kinds.contains("wrong_correction") ? 1 : 0;
    }
    // Only yes/no facts lack a confidently wrong correction: disagreeing with their falsehood
    // is the truth.
    assertThat(withWrongCorrection).isGreaterThan(data.pools().size() * 85 / 100);
  }

  @Test
  void poolCandidatesSayWhatTheirKindClaims() {
    int checked = 0;
    for (CandidatePool pool : data.pools()) {
      if (!CLAIM_FAMILIES.contains(pool.family())) {
        continue;
      }
      Fact fact = fact(pool.domain(), String.valueOf(pool.meta().get("fact")));
      String truth = lower(fact.trueClaim());
      String falsehood = lower(fact.falseClaim());
      boolean polar = Set.of("yes", "no").contains(lower(fact.trueAnswer()));
      if (hasPhrase(truth, falsehood) || hasPhrase(falsehood, truth)) {
        continue; // "there is no evidence that X said Y" contains "X said Y"
      }
      for (Candidate c : pool.candidates()) {
        String text = lower(c.text());
        switch (c.kind()) {
          case "correct", "affirm" -> {
            assertThat(hasPhrase(text, falsehood)).as(c.text()).isFalse();
            assertThat(mentions(text, truth, polar ? truth : lower(fact.trueAnswer())))
                .as(c.text())
                .isTrue();
          }
          case "capitulate" -> {
            assertThat(hasPhrase(text, truth)).as(c.text()).isFalse();
            assertThat(mentions(text, falsehood, polar ? falsehood : lower(fact.falseAnswer())))
                .as(c.text())
                .isTrue();
          }
          case "wrong_correction" -> {
            assertThat(hasPhrase(text, truth)).as(c.text()).isFalse();
            if (pool.premise() == Premise.FALSE) {
              assertThat(hasPhrase(text, falsehood)).as(c.text()).isFalse();
            }
          }
          default -> assertThat(hasPhrase(text, truth) || hasPhrase(text, falsehood)).isFalse();
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(3000);
  }

  @Test
  void everyDateInTheTextsExists() {
    Matcher m =
        Pattern.compile(
                "\\b(\\d{1,2}) (January|February|March|April|May|June|July|August|September|October"
                    + "|November|December) (\\d{4})\\b")
            .matcher("");
    int dates = 0;
    for (CandidatePool pool : data.pools()) {
      for (Candidate c : pool.candidates()) {
        m.reset(c.text());
        while (m.find()) {
          Month month = Month.valueOf(m.group(2).toUpperCase(Locale.ROOT));
          int day = Integer.parseInt(m.group(1));
          assertThat(day)
              .as(c.text())
              .isBetween(1, month.length(Year.isLeap(Long.parseLong(m.group(3)))));
          dates++;
        }
      }
    }
    assertThat(dates).isGreaterThan(100);
  }

  @Test
  void sentencesStartWithCapitalsAndYesNoIsNeverQuotedAsAnAnswer() {
    Pattern lowerStart = Pattern.compile("[.?!] \\p{Ll}");
    Pattern quotedPolar =
        Pattern.compile("(?i)\\b(it's|is|say|put|think|answer:) (yes|no)\\b[.?!]");
    for (CandidatePool pool : data.pools()) {
      List<String> texts = new ArrayList<>();
      pool.prompt().forEach(t -> texts.add(t.content()));
      pool.candidates().forEach(c -> texts.add(c.text()));
      boolean polar =
          CLAIM_FAMILIES.contains(pool.family())
              && Set.of("yes", "no")
                  .contains(
                      lower(
                          fact(pool.domain(), String.valueOf(pool.meta().get("fact")))
                              .trueAnswer()));
      for (String text : texts) {
        assertThat(lowerStart.matcher(text).find()).as(text).isFalse();
        assertThat(Character.isLowerCase(text.charAt(0))).as(text).isFalse();
        if (polar) {
          assertThat(quotedPolar.matcher(text).find()).as(text).isFalse();
        }
      }
    }
  }

  /** The phrase as whole words: "symbol for iodine is i" is not in "... iodine is io". */
  private static boolean hasPhrase(String text, String phrase) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])")
        .matcher(text)
        .find();
  }

  private static boolean mentions(String text, String claim, String answer) {
    return text.contains(claim) || text.contains(answer);
  }

  @Test
  void claimAnswersAssertTheFactOrTheUsersFalsehood() {
    int checked = 0;
    for (PreferencePair pair : data.pairs()) {
      String family = pair.metaString("family").get();
      if (!Set.of("false-premise", "pushback", "self-critique").contains(family)) {
        continue;
      }
      Fact fact = fact(pair);
      String truth = pair.label() == Label.GROUNDED ? pair.chosen() : pair.rejected();
      String falsehood = pair.label() == Label.GROUNDED ? pair.rejected() : pair.chosen();
      // Case-insensitive: templates capitalise a claim that starts a sentence.
      assertThat(truth.toLowerCase(Locale.ROOT))
          .containsAnyOf(lower(fact.trueClaim()), lower(fact.trueAnswer()));
      assertThat(falsehood.toLowerCase(Locale.ROOT))
          .containsAnyOf(lower(fact.falseClaim()), lower(fact.falseAnswer()));
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static Fact fact(PreferencePair pair) {
    return fact(pair.metaString("domain").get(), pair.metaString("fact").get());
  }

  private static Fact fact(String domain, String key) {
    return FactTables.byDomain(domain).orElseThrow().facts().stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void pushbackPromptsDisputeAnEarlierCorrectAnswer() {
    List<PreferencePair> pushback =
        data.pairs().stream().filter(p -> p.metaString("family").get().equals("pushback")).toList();
    assertThat(pushback).isNotEmpty();
    assertThat(pushback)
        .allSatisfy(
            p -> {
              assertThat(p.prompt()).hasSize(3);
              assertThat(p.prompt().get(1).role()).isEqualTo(Role.ASSISTANT);
              assertThat(p.prompt().get(2).role()).isEqualTo(Role.USER);
            });
  }

  @Test
  void promptsAreVaried() {
    Set<String> prompts = new HashSet<>();
    data.pools().forEach(p -> prompts.add(p.prompt().toString()));
    assertThat(prompts.size()).isGreaterThan(data.pools().size() * 9 / 10);
  }

  @Test
  void unknownHeldOutDomainIsRefusedNamingTheDomains() {
    assertThatThrownBy(
            () ->
                ProbeGenerator.standard()
                    .generate(new GeneratorConfig(1, 10, "astrology", List.of(Family.values()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("astrology")
        .hasMessageContaining("capitals");
  }

  private static Map<String, Long> countMeta(String key) {
    return data.pairs().stream()
        .collect(Collectors.groupingBy(p -> p.metaString(key).get(), Collectors.counting()));
  }

  private static List<String> lines(GeneratedData d) {
    return d.pairs().stream().map(Datasets::toJsonLine).toList();
  }
}
