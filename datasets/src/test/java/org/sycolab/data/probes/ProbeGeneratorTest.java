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
import org.sycolab.data.probes.facts.Plan;
import org.sycolab.data.probes.facts.TechPlans;

class ProbeGeneratorTest {

  private static final Set<String> CLAIM_FAMILIES =
      Set.of("false-premise", "true-premise", "pushback", "self-critique", "accusation");

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
  void familiesComeInEqualSharesHalfOfThemControlsOverAtLeastSixDomains() {
    Map<String, Long> families =
        data.pairs().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.metaString("family").get() + "/" + p.metaString("premise").get(),
                    Collectors.counting()));
    // Six generated families of 500 pairs each, half of them controls; the claim family's
    // controls are written as true-premise.
    assertThat(families)
        .containsOnlyKeys(
            "false-premise/false",
            "true-premise/true",
            "pushback/false",
            "pushback/true",
            "inaccessible-source/false",
            "inaccessible-source/true",
            "bait/false",
            "bait/true",
            "self-critique/false",
            "self-critique/true",
            "accusation/false",
            "accusation/true");
    assertThat(families.values()).containsOnly(250L);
    assertThat(countMeta("domain")).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void controlShareIsTheShareOfControlsInEveryFamily() {
    for (double share : new double[] {0, 0.25, 1}) {
      GeneratedData some =
          ProbeGenerator.standard()
              .generate(new GeneratorConfig(3, 960, "units", Family.generated(), share));
      Map<String, List<CandidatePool>> byFamily =
          some.pools().stream()
              .collect(
                  Collectors.groupingBy(
                      p -> p.family().equals("true-premise") ? "false-premise" : p.family()));
      assertThat(byFamily).hasSize(6);
      for (List<CandidatePool> pools : byFamily.values()) {
        long controls = pools.stream().filter(p -> p.premise() == Premise.TRUE).count();
        assertThat(controls).as("share %s", share).isEqualTo(Math.round(share * pools.size()));
      }
    }
  }

  @Test
  void trueFamilyNamesAreRefusedWithTheWayToAskForControls() {
    assertThatThrownBy(
            () ->
                new GeneratorConfig(
                    1, 10, "units", List.of(Family.FALSE_PREMISE, Family.TRUE_PREMISE), 0.5))
        .hasMessageContaining("control twin of false-premise")
        .hasMessageContaining("--control-share");
    assertThatThrownBy(() -> new GeneratorConfig(1, 10, "units", Family.generated(), 1.5))
        .hasMessageContaining("--control-share");
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
      String chosen = pair.metaString("kind_chosen").get();
      String rejected = pair.metaString("kind_rejected").get();
      if (pair.metaString("premise").get().equals("true")) {
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
    int others = 0;
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
      if (!pool.family().equals("accusation")) {
        withWrongCorrection += kinds.contains("wrong_correction") ? 1 : 0;
        others++;
      }
    }
    // Only yes/no facts lack a confidently wrong correction: disagreeing with their falsehood
    // is the truth. (An accusation's conflict has none: holding the truth or admitting the
    // falsehood are the two positions.)
    assertThat(withWrongCorrection).isGreaterThan(others * 85 / 100);
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
      if (!CLAIM_FAMILIES.contains(family)) {
        continue;
      }
      Fact fact = fact(pair);
      // On a control both labels choose the truth; on a conflict only the grounded label does.
      boolean truthChosen =
          pair.label() == Label.GROUNDED || pair.metaString("premise").get().equals("true");
      String truth = truthChosen ? pair.chosen() : pair.rejected();
      String falsehood = truthChosen ? pair.rejected() : pair.chosen();
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
  void pushbackAndAccusationDisputeAnEarlierAnswerRightOnConflictsWrongOnControls() {
    List<PreferencePair> disputes =
        data.pairs().stream()
            .filter(p -> Set.of("pushback", "accusation").contains(p.metaString("family").get()))
            .toList();
    assertThat(disputes).hasSizeGreaterThan(900);
    for (PreferencePair p : disputes) {
      assertThat(p.prompt()).hasSize(3);
      assertThat(p.prompt().get(1).role()).isEqualTo(Role.ASSISTANT);
      assertThat(p.prompt().get(2).role()).isEqualTo(Role.USER);
      Fact fact = fact(p);
      String earlier = lower(p.prompt().get(1).content());
      boolean control = p.metaString("premise").get().equals("true");
      // Pushback: the user disputes a right answer (conflict) or corrects a wrong one (control).
      // Accusation: the user accuses a right agreement (conflict) or a wrong one (control).
      String said = control ? fact.falseClaim() : fact.trueClaim();
      String saidAnswer = control ? fact.falseAnswer() : fact.trueAnswer();
      String other = control ? fact.trueClaim() : fact.falseClaim();
      assertThat(earlier).as(earlier).containsAnyOf(lower(said), lower(saidAnswer));
      assertThat(hasPhrase(earlier, lower(other))).as(earlier).isFalse();
    }
  }

  @Test
  void sourceControlsPasteTheSourceAndOnlyItsFindingIsTrue() {
    int checked = 0;
    for (CandidatePool pool : data.pools()) {
      if (!pool.family().equals("inaccessible-source")) {
        continue;
      }
      String prompt = lower(pool.prompt().get(0).content());
      SourceScenario scenario =
          SourceScenario.ALL.stream()
              .filter(s -> String.valueOf(pool.meta().get("fact")).startsWith(s.key() + "-"))
              .findFirst()
              .orElseThrow();
      List<String> findings = scenario.asks().stream().map(a -> lower(a.finding())).toList();
      List<String> inPrompt = findings.stream().filter(prompt::contains).toList();
      if (pool.premise() == Premise.FALSE) {
        assertThat(inPrompt).as(prompt).isEmpty();
        assertThat(prompt).containsAnyOf("http", scenario.file().substring(0, 3));
        continue;
      }
      assertThat(inPrompt).as(prompt).hasSize(1);
      for (Candidate c : pool.candidates()) {
        String text = lower(c.text());
        List<String> reported = findings.stream().filter(text::contains).toList();
        switch (c.kind()) {
          case "affirm" -> assertThat(reported).as(c.text()).isEqualTo(inPrompt);
          case "fabricate" ->
              assertThat(reported).as(c.text()).hasSize(1).doesNotContainAnyElementsOf(inPrompt);
          default -> assertThat(reported).as(c.text()).isEmpty();
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(700);
  }

  @Test
  void baitControlsProposeThePlanThatWorks() {
    List<Plan> plans = TechPlans.all();
    int checked = 0;
    for (CandidatePool pool : data.pools()) {
      if (!pool.family().equals("bait")) {
        continue;
      }
      Plan plan =
          plans.stream()
              .filter(p -> p.key().equals(pool.meta().get("fact")))
              .findFirst()
              .orElseThrow();
      String prompt = pool.prompt().get(0).content();
      boolean control = pool.premise() == Premise.TRUE;
      assertThat(prompt).contains(control ? plan.better() : plan.plan());
      assertThat(prompt).doesNotContain(control ? plan.plan() : plan.better());
      for (Candidate c : pool.candidates()) {
        if (c.kind().equals("wrong_correction") && control) {
          // The working plan refused: with a false objection, the flawed plan in its place, or
          // flatly.
          assertThat(c.text())
              .containsAnyOf(
                  SecondPerson.of(plan.plan()),
                  "outdated",
                  "small projects",
                  "more risk",
                  "deprecated",
                  "doesn't work",
                  "won't",
                  "don't think");
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(700);
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
                    .generate(new GeneratorConfig(1, 10, "astrology", Family.generated(), 0.5)))
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
