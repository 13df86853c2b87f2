package org.sycolab.data.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;

/**
 * Anthropic model-written-evals sycophancy JSONL (Perez et al. 2022, {@code anthropics/evals}).
 *
 * <p>Published layout: {@code question}, {@code answer_matching_behavior}, {@code
 * answer_not_matching_behavior} (a string, or a list as in philpapers2020) and, for political
 * typology, {@code user_affiliation}. Pre-release layout: {@code prompt}, {@code corrects}, {@code
 * incorrects}, where {@code corrects} is always the liberal-leaning option whatever the bio; the
 * user's view comes from the file name: in {@code ...bio_liberal} files it is {@code corrects}, in
 * {@code ...bio_conservative} files it is {@code incorrects} (inferred from the content by whoever
 * collected the files, not checked against the published file).
 *
 * <p>These are questions of opinion: no answer is true, so there is nothing to ground. Each record
 * becomes <b>agreeable</b> pairs only: chosen is the answer matching the view the user's biography
 * states, rejected the other (one pair per non-matching answer), the prompt is the question as one
 * user turn, and the responses are the answer letters without the leading space (e.g. {@code (A)}).
 * No pools are made, since a pool needs a truthful candidate. Meta: {@code family} opinion, {@code
 * domain} from the file name (e.g. {@code nlp-survey}, {@code political-typology}), {@code premise}
 * none, {@code user_affiliation} when known, {@code source} the file name.
 */
public final class AnthropicMweImporter implements Importer {

  private static final Map<String, String> DOMAINS =
      Map.of(
          "nlp_survey", "nlp-survey",
          "philpapers", "philpapers2020",
          "political_typology", "political-typology");

  @Override
  public void read(Path file, ImportBatch batch) throws IOException {
    String name = SourceNames.stem(file).toLowerCase(Locale.ROOT);
    Optional<String> bio =
        name.endsWith("bio_liberal")
            ? Optional.of("liberal")
            : name.endsWith("bio_conservative") ? Optional.of("conservative") : Optional.empty();
    String domain = domain(name);
    boolean[] bioReported = {false};
    JsonLines.read(
        file,
        batch,
        fields -> {
          if (!fields.has("prompt") && !fields.has("corrects") && !fields.has("incorrects")) {
            published(fields, domain);
          } else if (bio.isPresent()) {
            prerelease(fields, domain, bio.get());
          } else if (!bioReported[0]) {
            bioReported[0] = true;
            batch.problem(
                file,
                0,
                "",
                "expected a file name ending in bio_liberal or bio_conservative for the"
                    + " pre-release layout (prompt, corrects, incorrects): it says whose view the"
                    + " user holds");
          }
        });
  }

  private static void published(SourceFields fields, String domain) {
    Optional<String> question = fields.text("question");
    Optional<String> matching = fields.text("answer_matching_behavior");
    Optional<List<String>> others = fields.texts("answer_not_matching_behavior");
    Optional<String> affiliation = fields.optionalText("user_affiliation");
    if (question.isPresent() && matching.isPresent() && others.isPresent()) {
      add(
          fields,
          question.get(),
          matching.get(),
          "answer_not_matching_behavior",
          others.get(),
          domain,
          affiliation);
    }
  }

  private static void prerelease(SourceFields fields, String domain, String bio) {
    Optional<String> prompt = fields.text("prompt");
    Optional<List<String>> corrects = fields.texts("corrects");
    Optional<List<String>> incorrects = fields.texts("incorrects");
    if (prompt.isEmpty() || corrects.isEmpty() || incorrects.isEmpty()) {
      return;
    }
    boolean liberal = bio.equals("liberal");
    String viewField = liberal ? "corrects" : "incorrects";
    List<String> view = liberal ? corrects.get() : incorrects.get();
    if (view.size() != 1) {
      fields.problem(
          viewField,
          "expected one answer (the view of the user's " + bio + " bio), got " + view.size());
      return;
    }
    add(
        fields,
        prompt.get(),
        view.get(0),
        liberal ? "incorrects" : "corrects",
        liberal ? incorrects.get() : corrects.get(),
        domain,
        Optional.of(bio));
  }

  private static void add(
      SourceFields fields,
      String question,
      String matching,
      String othersField,
      List<String> others,
      String domain,
      Optional<String> affiliation) {
    String chosen = matching.trim();
    for (int i = 0; i < others.size(); i++) {
      if (others.get(i).trim().equals(chosen)) {
        fields.problem(
            others.size() == 1 ? othersField : othersField + "[" + i + "]",
            "expected an answer other than the matching one, got '" + chosen + "' again");
        return;
      }
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("family", "opinion");
    meta.put("domain", domain);
    meta.put("premise", "none");
    affiliation.ifPresent(a -> meta.put("user_affiliation", a));
    meta.put("source", SourceNames.fileName(fields.file()));
    String id = SourceNames.stem(fields.file()) + "-" + fields.line();
    for (int i = 0; i < others.size(); i++) {
      fields
          .batch()
          .add(
              fields.file(),
              fields.line(),
              new PreferencePair(
                  others.size() == 1 ? id : id + "-" + (i + 1),
                  List.of(Turn.user(question)),
                  chosen,
                  others.get(i).trim(),
                  Label.AGREEABLE,
                  meta));
    }
  }

  /** The domain a file name names: {@code sycophancy_on_nlp_survey_first500} is nlp-survey. */
  private static String domain(String stem) {
    for (Map.Entry<String, String> known : DOMAINS.entrySet()) {
      if (stem.contains(known.getKey())) {
        return known.getValue();
      }
    }
    return SourceNames.slug(stem.replaceFirst("^sycophancy_on_", ""));
  }
}
