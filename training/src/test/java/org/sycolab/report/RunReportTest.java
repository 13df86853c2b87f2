package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.run.RunManifest;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class RunReportTest {

  private static final List<String> SECTIONS =
      List.of(
          "Headline",
          "Truthful rate against λ",
          "Truth against KL",
          "The menu",
          "Reference selectors",
          "The choice at a truth floor",
          "Heads",
          "Mixture ablation",
          "Held-out domains",
          "Per family and per domain",
          "Examples: truthful to sycophantic",
          "Manifests");

  // One full run is rendered once for the class: the tests only read it.
  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path full;
  private static String html;
  private static String markdown;

  @BeforeAll
  static void renderFullRun() throws Exception {
    full = TestRuns.full(shared.resolve("run"));
    ReportWriter.write(RunReport.build(full), full);
    html = Files.readString(full.resolve("report.html"));
    markdown = Files.readString(full.resolve("report.md"));
  }

  @Test
  void htmlIsWellFormedSelfContainedAndHasEverySectionInOrder() throws Exception {
    // Parsed as XML: every element closed, every entity known, the SVG included.
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    var headings = document.getElementsByTagName("h2");
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < headings.getLength(); i++) {
      titles.add(headings.item(i).getTextContent());
    }
    assertThat(titles).containsExactlyElementsOf(SECTIONS);
    assertThat(document.getElementsByTagName("svg").getLength()).isEqualTo(6);
    assertThat(html)
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//")
        .doesNotContainPattern("(?i)<script|<link|<img|<iframe|@import|url\\((?!#)");
  }

  @Test
  void datasetTextIsEscapedInBothFormats() {
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;")
        .doesNotContain(TestRuns.HOSTILE)
        .contains("Yes | of course,\nyou are right");
    assertThat(markdown)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"friends\"")
        .doesNotContain("<script>")
        .contains("Yes \\| of course,<br>you are right");
  }

  @Test
  void hostileFamilyDomainAndPoolIdAreEscapedInTablesAndNeverTextInPlots() {
    String escaped = HtmlRenderer.escape(TestRuns.HOSTILE);
    String breakdown = html.substring(html.indexOf("<h2>Per family"), html.indexOf("<h2>Examples"));
    assertThat(breakdown).contains("<tr><td>" + escaped + "</td><td>0</td>");
    assertThat(breakdown.indexOf("<tr><td>" + escaped))
        .as("the family and the domain rows")
        .isNotEqualTo(breakdown.lastIndexOf("<tr><td>" + escaped));
    assertThat(html)
        .contains("<td>family, domain</td><td>" + escaped + ", " + escaped + "</td>")
        .doesNotContainPattern("(?i)<script");
    Matcher svgs = Pattern.compile("(?s)<svg.*?</svg>").matcher(html);
    int count = 0;
    while (svgs.find()) {
      assertThat(svgs.group()).doesNotContainPattern("(?i)<(text|script|foreignObject)\\b");
      count++;
    }
    assertThat(count).isEqualTo(6);
    String cell = MarkdownRenderer.cell(TestRuns.HOSTILE);
    assertThat(markdown)
        .contains("| " + cell + " | 0 |")
        .contains("**pool pool-3 " + MarkdownRenderer.inline(TestRuns.HOSTILE) + ": flips at")
        .doesNotContainPattern("(?i)<script");
  }

  @Test
  void markdownHasTheSectionsAndLinksToPngFilesThatExist() throws Exception {
    for (String section : SECTIONS) {
      assertThat(markdown).contains("## " + MarkdownRenderer.inline(section) + "\n");
    }
    Matcher links = Pattern.compile("\\]\\((plots/[^)]+\\.png)\\)").matcher(markdown);
    int count = 0;
    while (links.find()) {
      Path png = full.resolve(links.group(1));
      assertThat(png).exists();
      byte[] head = new byte[8];
      System.arraycopy(Files.readAllBytes(png), 0, head, 0, 8);
      assertThat(head).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
      count++;
    }
    assertThat(count).isEqualTo(6);
  }

  @Test
  void headlineNumbersAreTheCsvValues() throws Exception {
    Table pull = csv(full.resolve("pull").resolve("pull.csv"));
    Table seeds = csv(full.resolve("pull").resolve("seeds.csv"));
    // The fixture's seeds disagree at λ = 0.5: a zero sd would not tell the column from nothing.
    assertThat(row(seeds, 0.5, "pull", "all", "all").getDouble("sd")).isPositive();
    String headline = html.substring(html.indexOf("<h2>Headline"), html.indexOf("<h2>Truthful"));
    assertThat(headline)
        .contains(
            "Best-of-16 over all pools: weighting approval at λ = 0.5 lowers the truthful rate by "
                + cell(pull, 0.5, "pull", "%.1f")
                + " percentage points, sd "
                + sd(seeds, 0.5, "pull", "%.1f")
                + " across 2 head seeds (the pull; NOT truth lost here, because the grounded head"
                + " does not track truth — grounded head grounded-seed1: rewards disagreement"
                + " (contrarian)), from "
                + value(pull, 0.0, "truthful_rate")
                + " at λ = 0 to "
                + value(pull, 0.5, "truthful_rate")
                + " at λ = 0.5 ("
                + value(pull, 1.0, "truthful_rate")
                + " at λ = 1)")
        .contains(
            "best-of-16, all pools, mean over 2 head seeds (95% bootstrap intervals over pools")
        .contains("<th>quantity</th><th>value</th><th>sd across 2 head seeds</th>")
        .contains(
            "pull at λ = 0.5 (points)</td><td>"
                + cell(pull, 0.5, "pull", "%.1f")
                + "</td><td>"
                + sd(seeds, 0.5, "pull", "%.1f"));
    for (double lambda : List.of(0.0, 0.5, 1.0)) {
      assertThat(headline)
          .contains(
              "truthful rate at λ = "
                  + grid(lambda)
                  + "</td><td>"
                  + cell(pull, lambda, "truthful_rate", "%.3f")
                  + "</td><td>"
                  + sd(seeds, lambda, "truthful_rate", "%.3f")
                  + "</td>");
    }
    assertThat(headline).contains("Read at n = 16 and λ = 0, 0.5 and 1");
    Table star = csv(full.resolve("pull").resolve("lambda_star.csv"));
    Row row =
        star.where(
                star.stringColumn("reward")
                    .isEqualTo("mixed")
                    .and(star.intColumn("n").isEqualTo(16))
                    .and(star.stringColumn("family").isEqualTo("all")))
            .row(0);
    assertThat(headline)
        .contains(
            "λ* (first λ below π₀)</td><td>"
                + grid(row.getDouble("lambda_star"))
                + " ["
                + grid(row.getDouble("lo"))
                + ", "
                + grid(row.getDouble("hi"))
                + "]</td>")
        .contains(
            "truthful rate under π₀</td><td>"
                + interval(row(pull, 0.0, "truthful_rate", "all", "all", 1), "%.3f")
                + "</td>");
  }

  @Test
  void headlineGivesTheRegressiveAndContrarianRatesOfTheCsvAtThreeLambdas() throws Exception {
    Table pull = csv(full.resolve("pull").resolve("pull.csv"));
    Table seeds = csv(full.resolve("pull").resolve("seeds.csv"));
    String headline = html.substring(html.indexOf("<h2>Headline"), html.indexOf("<h2>Truthful"));
    for (String metric : List.of("regressive_rate", "contrarian_rate")) {
      StringBuilder row =
          new StringBuilder("<tr><td>" + metric.replace("_rate", " rate") + "</td>");
      for (double lambda : List.of(0.0, 0.5, 1.0)) {
        row.append("<td>")
            .append(cell(pull, lambda, metric, "%.3f"))
            .append(", sd ")
            .append(sd(seeds, lambda, metric, "%.3f"))
            .append("</td>");
      }
      assertThat(headline).contains(row.append("</tr>"));
    }
    // The control pool is contradicted at λ = 1: the contrarian rate is not a constant.
    assertThat(row(pull, 1.0, "contrarian_rate", "all", "all").getDouble("value")).isPositive();
  }

  @Test
  void familyAndDomainRowsAreTheCsvValues() throws Exception {
    Table pull = csv(full.resolve("pull").resolve("pull.csv"));
    String section = html.substring(html.indexOf("<h2>Per family"), html.indexOf("<h2>Examples"));
    assertThat(section)
        .contains(
            "<tr><td>pushback</td><td>0.5</td><td>"
                + groupCells(pull, 0.5, "pushback", "all", "truthful_rate", "regressive_rate")
                + "<td>—</td><td>—</td><td>"
                + groupCells(pull, 0.5, "pushback", "all", "capitulation_rate")
                + "<td>—</td><td>"
                + interval(row(pull, 0.5, "pull", "pushback", "all"), "%.1f")
                + "</td></tr>")
        .contains(
            "<tr><td>units</td><td>1</td><td>"
                + groupCells(pull, 1.0, "all", "units", "truthful_rate", "regressive_rate")
                + "<td>—</td><td>—</td><td>"
                + groupCells(pull, 1.0, "all", "units", "capitulation_rate")
                + "<td>—</td><td>"
                + interval(row(pull, 1.0, "pull", "all", "units"), "%.1f")
                + "</td></tr>");
  }

  @Test
  void referenceSectionGivesEachRewardsTruthAndTheOraclesShare() throws Exception {
    Table pull = csv(full.resolve("pull").resolve("pull.csv"));
    String section =
        html.substring(html.indexOf("<h2>Reference selectors"), html.indexOf("<h2>Heads"));
    for (String reward : List.of("oracle", "agree", "disagree", "longest")) {
      Row atZero = referenceRow(pull, reward, 0.0, 16);
      assertThat(section).contains("<tr><td>" + reward + "</td>");
      assertThat(section).contains(interval(atZero, "%.3f"));
    }
    // The oracle at λ = 0 picks the truthful answer whenever one is drawn: above π₀.
    Row oracle = referenceRow(pull, "oracle", 0.0, 16);
    Row pi0 = row(pull, 0.0, "truthful_rate", "all", "all", 1);
    assertThat(oracle.getDouble("value")).isGreaterThan(pi0.getDouble("value"));
    double head = row(pull, 0.0, "truthful_rate", "all", "all", 16).getDouble("value");
    double share =
        (head - pi0.getDouble("value")) / (oracle.getDouble("value") - pi0.getDouble("value"));
    assertThat(section)
        .contains("At λ = 0, best-of-16, all pools")
        .contains(String.format(Locale.ROOT, "recovers %.0f%% of the oracle", 100 * share))
        .contains(
            String.format(
                Locale.ROOT,
                "Best-of-16 at λ = 0, the learned grounded head&#39;s truthful rate, %.3f",
                head))
        .containsPattern("content-blind selector");
  }

  @Test
  void choiceSectionGivesTheLargestLambdaMeetingTheFloorFromChoiceCsv() throws Exception {
    Table choice = csv(full.resolve("pull").resolve("choice.csv"));
    String section =
        html.substring(html.indexOf("<h2>The choice at a truth floor"), html.indexOf("<h2>Heads"));
    Row all =
        choice
            .where(
                choice
                    .stringColumn("reward")
                    .isEqualTo("mixed")
                    .and(choice.stringColumn("family").isEqualTo("all"))
                    .and(choice.intColumn("n").isEqualTo(16)))
            .row(0);
    String expected =
        all.isMissing("lambda")
            ? "<td>none: " + all.getString("reason") + "</td>"
            : String.format(
                Locale.ROOT,
                "<td>λ = %s: %.3f [%.3f, %.3f]</td>",
                grid(all.getDouble("lambda")),
                all.getDouble("truthful_rate"),
                all.getDouble("truthful_lo"),
                all.getDouble("truthful_hi"));
    assertThat(section).contains("<tr><td>all</td>" + expected).contains("F = 0.5");
    // The oracle row over all pools is there beside the heads'.
    assertThat(section).contains("<tr><td>oracle</td>");
  }

  @Test
  void withoutATruthFloorTheChoiceSectionSaysSo() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Report report = RunReport.build(run);
    Section choice =
        report.sections().stream().filter(s -> s.id().equals("choice")).findFirst().orElseThrow();
    assertThat(((Block.Paragraph) choice.blocks().get(0)).text())
        .contains("No truth floor was given");
  }

  private static Row referenceRow(Table pull, String reward, double lambda, int n) {
    return pull.where(
            pull.stringColumn("reward")
                .isEqualTo(reward)
                .and(pull.doubleColumn("lambda").isEqualTo(lambda))
                .and(pull.intColumn("n").isEqualTo(n))
                .and(pull.stringColumn("metric").isEqualTo("truthful_rate"))
                .and(pull.stringColumn("family").isEqualTo("all"))
                .and(pull.stringColumn("domain").isEqualTo("all")))
        .row(0);
  }

  @Test
  void menuRowIsTheCsvValues() throws Exception {
    Table menu = csv(full.resolve("pull").resolve("menu.csv"));
    Row row =
        menu.where(
                menu.stringColumn("reward")
                    .isEqualTo("mixed")
                    .and(menu.doubleColumn("lambda").isEqualTo(0.5))
                    .and(menu.intColumn("n").isEqualTo(16)))
            .row(0);
    String section = html.substring(html.indexOf("<h2>The menu"), html.indexOf("<h2>Heads"));
    assertThat(section)
        .contains(
            String.format(
                Locale.ROOT,
                "<tr><td>0.5</td><td>%.3f [%.3f, %.3f]</td><td>%.3f [%.3f, %.3f]</td><td>%.3f</td>",
                row.getDouble("approval"),
                row.getDouble("approval_lo"),
                row.getDouble("approval_hi"),
                row.getDouble("truthful_rate"),
                row.getDouble("truthful_lo"),
                row.getDouble("truthful_hi"),
                row.getDouble("kl")));
  }

  @Test
  void mixtureRowIsSelectionByTheMixtureHeadAloneAtLambdaOne() throws Exception {
    Table pull = csv(full.resolve("pull-mixture-1").resolve("pull.csv"));
    StringBuilder expected = new StringBuilder("<tr><td>1</td><td>1</td>");
    for (int n : List.of(1, 4, 16)) {
      expected
          .append("<td>")
          .append(interval(row(pull, 1.0, "truthful_rate", "all", "all", n), "%.3f"))
          .append("</td>");
    }
    String section = html.substring(html.indexOf("<h2>Mixture"), html.indexOf("<h2>Held-out"));
    assertThat(section).contains(expected.append("</tr>"));
    // λ = 0 would read differently: a table of the wrong λ shows.
    assertThat(row(pull, 0.0, "truthful_rate", "all", "all").getDouble("value"))
        .isNotEqualTo(row(pull, 1.0, "truthful_rate", "all", "all").getDouble("value"));
  }

  @Test
  void everySectionRendersAndTheFlipsAreShownEarliestFirst() {
    String flips = html.substring(html.indexOf("<h2>Examples"));
    assertThat(flips).contains("Of 13 evaluated pools, 12 have a truthful top answer");
    // s = 1.5 in pools 3, 7, 11 flips first; then, at one λ, the pools in order.
    Matcher captions =
        Pattern.compile("<p class=\"caption\">pool (.+?): flips at λ = ([0-9.]+)</p>")
            .matcher(flips);
    List<String> shown = new ArrayList<>();
    List<Double> lambdas = new ArrayList<>();
    while (captions.find()) {
      shown.add(captions.group(1));
      lambdas.add(Double.parseDouble(captions.group(2)));
    }
    assertThat(shown)
        .containsExactly(
            "pool-3 " + HtmlRenderer.escape(TestRuns.HOSTILE),
            "pool-7",
            "pool-11",
            "pool-0",
            "pool-1");
    assertThat(lambdas).isSorted();
    assertThat(lambdas.get(0)).isLessThan(lambdas.get(FlipsSection.SHOWN - 1));
    assertThat(html)
        .contains("Every stage the report reads was run.")
        .doesNotContain("not run:")
        .contains("measured exactly on the candidate pools of run run.");
    assertThat(html).contains("<td>pushback</td>", "<td>units</td>", "agrees:truthful");
  }

  @Test
  void accuracyTableNamesTheSubsetAndThePairCount() {
    assertThat(html)
        .contains(
            "<th>head</th><th>pairs labelled</th><th>subset</th><th>pairs</th><th>accuracy</th>")
        .contains(
            "<td>agreeable-seed1</td><td>agreeable</td><td>conflict</td><td>6</td><td>0.833</td>");
  }

  @Test
  void manifestsShowTheRunsConfigurationAndOneRowPerStage() {
    String manifests = html.substring(html.indexOf("<h2>Manifests"));
    assertThat(manifests)
        .contains("<td>git commit</td><td>0123456789abcdef0123456789abcdef01234567 (uncommitted")
        .contains("<td>experiment.name</td><td>tiny &lt;script&gt;")
        .contains("<td>experiment.seeds</td><td>1, 2</td>")
        .contains("<td>seed: bootstrap</td><td>7</td>")
        .contains(
            "<td>pull</td><td>pull</td><td>complete</td><td>2026-11-25T14:00:00Z</td>"
                + "<td>2.5 s</td><td>cpu()</td><td>0123456789ab+</td>");
  }

  @Test
  void theRunsSeedsAreListedByPurposeThenNumberWhateverTheMapsOrder() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("seeds"));
    RunManifest planted = TestRuns.manifest("run", Map.of());
    Map<String, Long> seeds = new LinkedHashMap<>();
    for (long seed : List.of(10L, 2L, 1L, 33L)) {
      seeds.put("head_seed_" + seed, seed);
    }
    seeds.put("bootstrap", 7L);
    seeds.put("generator", 3L);
    RunManifest withSeeds =
        new RunManifest(
            planted.schemaVersion(),
            planted.command(),
            planted.commandLine(),
            planted.workingDirectory(),
            planted.startedAt(),
            planted.finishedAt(),
            planted.status(),
            planted.error(),
            planted.config(),
            planted.git(),
            planted.versions(),
            planted.device(),
            seeds,
            planted.inputs(),
            planted.outputs());
    Files.writeString(run.resolve(RunManifest.FILE_NAME), withSeeds.toJson());
    String rendered = HtmlRenderer.render(RunReport.build(run));
    List<String> order =
        Pattern.compile("<td>seed: ([a-z_0-9]+)</td>")
            .matcher(rendered)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(order)
        .containsExactly(
            "bootstrap", "generator", "head_seed_1", "head_seed_2", "head_seed_10", "head_seed_33");
  }

  @Test
  void theHeadlineStatesEveryHeadsVerdictWithItsRule() {
    String headline = html.substring(html.indexOf("<h2>Headline"), html.indexOf("<h2>Truthful"));
    assertThat(headline)
        .contains("verdict on every head (diagnose/verdict.csv; diagnose: first head seed only)")
        .contains(
            "<td>grounded-seed1</td><td>grounded</td><td>rewards disagreement (contrarian)</td>"
                + "<td>0.888 [0.780, 0.940] of 60</td><td>0.267 [0.160, 0.420] of 40</td>"
                + "<td>grounded head rewards disagreement, not truth; no better than picking the"
                + " longer answer on control pairs (0.267 vs 0.500)</td>")
        .contains("<td>agreeable-seed1</td><td>agreeable</td><td>rewards agreement</td>")
        .contains("Rule: The rule.");
  }

  @Test
  void aGroundedHeadThatTracksTruthLetsThePullReadAsTruthLost() throws Exception {
    Path run = TestRuns.full(tmp.resolve("truthful"));
    Path verdict = run.resolve("diagnose").resolve("verdict.csv");
    Files.writeString(
        verdict,
        Files.readString(verdict)
            .replace(
                "grounded-seed1,grounded,rewards-disagreement,rewards disagreement (contrarian)",
                "grounded-seed1,grounded,tracks-truth,tracks truth"));
    ReportWriter.write(RunReport.build(run), run);
    assertThat(Files.readString(run.resolve("report.md")))
        .contains("(the pull: a fall is truth lost, since the grounded head tracks truth)")
        .doesNotContain("NOT truth lost");
  }

  @Test
  void thePullIsReadAgainstEverySeedsVerdictFromTrain() throws Exception {
    Path run = TestRuns.full(tmp.resolve("every-seed"));
    Path diagnosed = run.resolve("diagnose").resolve("verdict.csv");
    String tracking =
        Files.readString(diagnosed)
            .replace(
                "grounded-seed1,grounded,rewards-disagreement,rewards disagreement (contrarian)",
                "grounded-seed1,grounded,tracks-truth,tracks truth");
    Files.writeString(diagnosed, tracking);
    // Train judged a second grounded seed, which does not track truth.
    String[] lines = tracking.split("\n");
    String seed1 =
        Arrays.stream(lines)
            .filter(line -> line.startsWith("grounded-seed1,"))
            .findFirst()
            .orElseThrow();
    String seed2 =
        seed1
            .replace("grounded-seed1", "grounded-seed2")
            .replace("tracks-truth,tracks truth", "no-signal,no signal");
    Files.writeString(run.resolve("heads").resolve("verdict.csv"), tracking + seed2 + "\n");
    ReportWriter.write(RunReport.build(run), run);
    assertThat(Files.readString(run.resolve("report.md")))
        .contains("NOT truth lost here")
        .contains("grounded head grounded-seed2: no signal")
        .doesNotContain("grounded head grounded-seed1:");
  }

  @Test
  void withoutADiagnoseVerdictTrainsVerdictIsUsed() throws Exception {
    Path run = TestRuns.full(tmp.resolve("train-verdict"));
    Files.move(
        run.resolve("diagnose").resolve("verdict.csv"),
        run.resolve("heads").resolve("verdict.csv"));
    ReportWriter.write(RunReport.build(run), run);
    assertThat(Files.readString(run.resolve("report.md")))
        .contains("verdict on every head (heads/verdict.csv)")
        .contains("NOT truth lost here")
        .contains(
            "fitted mean z of a candidate that agrees or not and is truthful or not, at the"
                + " candidates' mean length");
  }

  @Test
  void headsSectionGivesCellMeansAndTheLongerAnswerComparison() {
    String heads = html.substring(html.indexOf("<h2>Heads"));
    assertThat(heads)
        .contains(
            "grounded-seed1 is no better than picking the longer answer on control pairs (0.267 vs"
                + " 0.500)")
        .contains(
            "<td>grounded-seed1</td><td>disagrees</td><td>0.250 ± 0.100</td>"
                + "<td>0.750 ± 0.100</td>")
        .contains("e·length")
        .contains("<td>agreeable-seed1</td><td>length</td><td>0.125</td>");
  }

  @Test
  void runWithoutDiagnoseOrMixtureRendersAndSaysSo() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    ReportWriter.write(RunReport.build(run), run);
    String page = Files.readString(run.resolve("report.html"));
    assertThat(page)
        .contains(
            "Not run, so left out: training summary (heads/heads.csv); head diagnostics"
                + " (diagnose/); mixture ablation (pull-mixture-&lt;P&gt;/); held-out-domain"
                + " ablation (pull-heldout-&lt;D&gt;/)")
        .contains("Head diagnostics not run")
        .contains(
            "percentage points, an interval that includes no change, one head seed (the pull: a"
                + " fall is truth lost only if the"
                + " grounded head tracks truth, which is unchecked: no verdict.csv)")
        .contains("No head verdict: neither diagnose/verdict.csv nor heads/verdict.csv exists")
        .contains("best-of-16, all pools, one head seed (95% bootstrap intervals over pools")
        .doesNotContain("sd across")
        .contains("Mixture ablation not run")
        .contains("Held-out-domain ablation not run")
        .contains("heads: {heldout_domains: [units]}")
        .contains("no manifest.json of its own");
  }

  @Test
  void idsAreUniqueAndEveryPlotIsLabelledWithItsTitle() {
    Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    List<String> seen = new ArrayList<>();
    while (ids.find()) {
      seen.add(ids.group(1));
    }
    assertThat(seen).doesNotHaveDuplicates().anyMatch(id -> id.startsWith("figure-menu-"));
    Matcher refs = Pattern.compile("url\\(#([^)]+)\\)").matcher(html);
    while (refs.find()) {
      assertThat(seen).contains(refs.group(1));
    }
    assertThat(html.split("<svg class=\"plot\" role=\"img\" aria-label=\"", -1)).hasSize(7);
    assertThat(html).contains("aria-label=\"The menu: approval against truth, best-of-16\"");
  }

  @Test
  void everyFigureIsOneTheWriterOwns() {
    Matcher links = Pattern.compile("\\]\\(plots/([^)]+)\\.png\\)").matcher(markdown);
    List<String> figures = new ArrayList<>();
    while (links.find()) {
      figures.add(links.group(1));
    }
    assertThat(ReportWriter.FIGURES).containsExactlyInAnyOrderElementsOf(figures);
  }

  @Test
  void aRerunRemovesTheFiguresItNoLongerDrawsAndNothingElse() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Path plots = Files.createDirectories(run.resolve(ReportWriter.PLOTS));
    Files.write(plots.resolve("mixture.png"), new byte[] {1});
    Files.write(plots.resolve("my-figure.png"), new byte[] {1});
    ReportWriter.write(RunReport.build(run), run);
    assertThat(plots.resolve("mixture.png")).doesNotExist();
    assertThat(plots.resolve("my-figure.png")).exists();
    assertThat(plots.resolve("menu.png")).exists();
  }

  @Test
  void withoutABootstrapNoCaptionClaimsAnInterval() throws Exception {
    Path run = TestRuns.withoutBootstrap(tmp.resolve("run"));
    ReportWriter.write(RunReport.build(run), run);
    String page = Files.readString(run.resolve("report.html"));
    assertThat(page)
        .doesNotContain("95%")
        .contains("best-of-16, all pools, one head seed (no bootstrap, so no intervals)")
        .contains("The sweep ran without a bootstrap: no intervals.")
        .doesNotContainPattern("<td>[^<]*\\[");
  }

  @Test
  void heldOutNumbersAreTheCsvValuesOnTheDomainsPools() throws Exception {
    String section = html.substring(html.indexOf("<h2>Held-out"), html.indexOf("<h2>Per family"));
    String with = heldOutRow(full.resolve("pull"), "trained with units");
    String heldOut = heldOutRow(full.resolve("pull-heldout-units"), "units held out");
    assertThat(section)
        .contains(with, heldOut)
        .doesNotContain("<td>capitals</td>")
        .doesNotContain("Left out")
        .contains("Too few pools to conclude anything: 5 pools of units (fewer than 20)");
    // The fixture's held-out heads pull harder: a swapped or unread file shows.
    assertThat(with.substring(with.lastIndexOf("<td>")))
        .isNotEqualTo(heldOut.substring(heldOut.lastIndexOf("<td>")));
  }

  @Test
  void aHeldOutDomainWithoutPoolsIsNamedBesideTheOthers() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    TestRuns.heldOut(run, "dates");
    TestRuns.heldOut(run, "units");
    Section section = section(RunReport.build(run), "heldout");
    assertThat(section.blocks())
        .contains(
            new Block.Paragraph(
                "Left out, no rows for the held-out domain: "
                    + run.resolve("pull-heldout-dates").resolve("pull.csv")
                    + " (no pools of domain dates)."));
    Block.DataTable table =
        section.blocks().stream()
            .filter(Block.DataTable.class::isInstance)
            .map(Block.DataTable.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(table.rows())
        .extracting(row -> row.get(0) + ": " + row.get(1))
        .containsExactly("units: trained with units", "units: units held out");
  }

  @Test
  void ablationAndDiagnoseCaptionsSayWhichHeadSeeds() {
    assertThat(html)
        .contains(
            "truthful rate of best-of-n under the mixture head alone, all pools, one head seed")
        .contains("pull/: mean over 2 head seeds, held out: one head seed")
        .contains(
            "correlation of the heads&#39; scores over the candidates (diagnose: first head"
                + " seed only)");
  }

  @Test
  void theBreakdownAndHeldOutCaptionsSayWhichWayThePullPoints() {
    String sign = "positive = truth lost, from λ = 0";
    assertThat(html.substring(html.indexOf("<h2>Held-out"), html.indexOf("<h2>Per family")))
        .contains(sign);
    assertThat(html.substring(html.indexOf("<h2>Per family"), html.indexOf("<h2>Examples")))
        .contains(sign);
  }

  @Test
  void aHeldOutSweepWhoseManifestsDoNotMatchIsLeftOutWithTheReason() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    TestRuns.heldOut(run, "units");
    assertThat(paragraphs(section(RunReport.build(run), "heldout")))
        .anyMatch(text -> text.contains("Checked against the manifests"));

    Path heads = run.resolve("heads-heldout-units").resolve("manifest.json");
    Files.writeString(
        heads, TestRuns.manifest("train", Map.of("excluded_domains", List.of())).toJson());
    assertThat(paragraphs(section(RunReport.build(run), "heldout")))
        .contains(
            "Left out, the manifests do not show the same pools and grid as pull/ scored by"
                + " heads trained without the domain: "
                + heads
                + ": excluded_domains is [], without units.");

    Path sweep = run.resolve("pull-heldout-units").resolve("manifest.json");
    Map<String, Object> config = new HashMap<>(TestRuns.pullManifest(run).config());
    config.put("lambda", List.of(0.0, 1.0));
    Files.writeString(sweep, TestRuns.manifest("pull", config).toJson());
    assertThat(paragraphs(section(RunReport.build(run), "heldout")))
        .anyMatch(text -> text.contains(sweep + ": config lambda is [0.0, 1.0]"))
        .noneMatch(text -> text.contains("Checked against the manifests"));

    Files.delete(sweep);
    assertThat(paragraphs(section(RunReport.build(run), "heldout")))
        .anyMatch(text -> text.contains(sweep + ": no such file"));
  }

  private static List<String> paragraphs(Section section) {
    return section.blocks().stream()
        .filter(Block.Paragraph.class::isInstance)
        .map(block -> ((Block.Paragraph) block).text())
        .toList();
  }

  @Test
  void anAblationSweepThatDidNotFinishIsNamedAsNotRunAndTheRestIsReported() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Files.createDirectories(run.resolve("pull-heldout-units"));
    Path mixture = Files.createDirectories(run.resolve("pull-mixture-0.5"));
    Files.writeString(
        mixture.resolve("manifest.json"),
        new RunManifest(
                RunManifest.SCHEMA_VERSION,
                "pull",
                List.of("pull"),
                "/work",
                "2026-11-25T14:00:00Z",
                null,
                RunManifest.Status.FAILED,
                "out of memory",
                Map.of(),
                null,
                Map.of(),
                "cpu()",
                Map.of(),
                List.of(),
                List.of())
            .toJson());
    Report report = RunReport.build(run);
    assertThat(paragraphs(section(report, "heldout")))
        .contains(
            "Not run, so left out: "
                + run.resolve("pull-heldout-units").resolve("pull.csv")
                + ": no such file.");
    assertThat(paragraphs(section(report, "mixture")))
        .contains(
            "Not run, so left out: "
                + mixture.resolve("manifest.json")
                + ": status failed, not complete.");
  }

  @Test
  void aMalformedHeldOutPullCsvIsAnErrorNamingTheFile() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    TestRuns.heldOut(run, "units");
    Path file = run.resolve("pull-heldout-units").resolve("pull.csv");
    Files.writeString(file, "lambda,n\n0,1\n");
    assertThatThrownBy(() -> RunReport.build(run))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageStartingWith(file.toString());
  }

  @Test
  void missingPullCsvIsAnErrorNamingTheFile() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Files.delete(run.resolve("pull").resolve("pull.csv"));
    assertThatThrownBy(() -> RunReport.build(run))
        .isInstanceOf(InvalidRunException.class)
        .hasMessage(run.resolve("pull").resolve("pull.csv") + ": no such file");
  }

  @Test
  void aMissingColumnIsAnErrorNamingFileLineAndColumn() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Path menu = run.resolve("pull").resolve("menu.csv");
    List<String> lines = Files.readAllLines(menu);
    lines.set(0, lines.get(0).replace(",kl,", ",kl_exact,"));
    Files.write(menu, lines);
    assertThatThrownBy(() -> RunReport.build(run))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageStartingWith(menu + ":1: missing column 'kl'");
    assertThat(run.resolve("report.html")).doesNotExist();
  }

  @Test
  void aCellOfTheWrongTypeIsAnErrorNamingTheFile() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Path pull = run.resolve("pull").resolve("pull.csv");
    List<String> lines = Files.readAllLines(pull);
    lines.set(3, lines.get(3).replaceFirst("^mixed,0\\.0,", "mixed,zero,"));
    Files.write(pull, lines);
    assertThatThrownBy(() -> RunReport.build(run))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageStartingWith(pull + ": ")
        .hasMessageContaining("zero");
  }

  private static Section section(Report report, String id) {
    return report.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** The held-out table's row for the units pools of the sweep in {@code dir}, as HTML cells. */
  private static String heldOutRow(Path dir, String heads) throws Exception {
    Table pull = csv(dir.resolve("pull.csv"));
    long pools = TestRuns.pools().stream().filter(pool -> pool.domain().equals("units")).count();
    return "<td>units</td><td>"
        + heads
        + "</td><td>"
        + pools
        + "</td><td>"
        + cell(pull, 0.0, "truthful_rate", "%.3f", "units")
        + "</td><td>"
        + cell(pull, 0.5, "truthful_rate", "%.3f", "units")
        + "</td><td>"
        + cell(pull, 1.0, "truthful_rate", "%.3f", "units")
        + "</td><td>"
        + cell(pull, 0.5, "pull", "%.1f", "units")
        + "</td>";
  }

  private static Table csv(Path file) throws Exception {
    return Table.read()
        .csv(
            CsvReadOptions.builder(file.toFile())
                .columnTypesPartial(Map.of("lambda", ColumnType.DOUBLE)));
  }

  private static String cell(Table pull, double lambda, String metric, String format) {
    return cell(pull, lambda, metric, format, "all");
  }

  private static String cell(
      Table pull, double lambda, String metric, String format, String domain) {
    return interval(row(pull, lambda, metric, "all", domain), format);
  }

  /** The sd across head seeds of a best-of-16 statistic over all pools, from seeds.csv. */
  private static String sd(Table seeds, double lambda, String metric, String format) {
    return String.format(
        Locale.ROOT, format, row(seeds, lambda, metric, "all", "all").getDouble("sd"));
  }

  /** A best-of-16 value of pull.csv, three places, without its interval. */
  private static String value(Table pull, double lambda, String metric) {
    return String.format(
        Locale.ROOT, "%.3f", row(pull, lambda, metric, "all", "all").getDouble("value"));
  }

  /** Cells of best-of-16 rates of a group, three places with their intervals, as HTML. */
  private static String groupCells(
      Table pull, double lambda, String family, String domain, String... metrics) {
    StringBuilder cells = new StringBuilder();
    for (String metric : metrics) {
      cells.append(interval(row(pull, lambda, metric, family, domain), "%.3f")).append("</td><td>");
    }
    return cells.substring(0, cells.length() - "<td>".length());
  }

  /** The best-of-16 row of pull.csv for a metric at λ over a family and a domain. */
  private static Row row(Table pull, double lambda, String metric, String family, String domain) {
    return row(pull, lambda, metric, family, domain, 16);
  }

  /** The best-of-n row of pull.csv for a metric at λ over a family and a domain. */
  private static Row row(
      Table pull, double lambda, String metric, String family, String domain, int n) {
    return pull.where(
            pull.stringColumn("reward")
                .isEqualTo("mixed")
                .and(pull.doubleColumn("lambda").isEqualTo(lambda))
                .and(pull.intColumn("n").isEqualTo(n))
                .and(pull.stringColumn("metric").isEqualTo(metric))
                .and(pull.stringColumn("family").isEqualTo(family))
                .and(pull.stringColumn("domain").isEqualTo(domain)))
        .row(0);
  }

  /** A value with its interval as the report writes it: {@code v [lo, hi]}. */
  private static String interval(Row row, String format) {
    return String.format(Locale.ROOT, format, row.getDouble("value"))
        + " ["
        + String.format(Locale.ROOT, format, row.getDouble("lo"))
        + ", "
        + String.format(Locale.ROOT, format, row.getDouble("hi"))
        + "]";
  }

  private static String grid(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
