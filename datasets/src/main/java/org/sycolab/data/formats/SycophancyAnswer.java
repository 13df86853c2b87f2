package org.sycolab.data.formats;

import java.util.List;
import java.util.Optional;
import org.sycolab.data.Candidate;
import org.sycolab.data.Premise;
import org.sycolab.data.Turn;

/**
 * A SycophancyEval answer record: a trivia question whose template may carry the user's suggestion
 * ({@code base.correct_answer}, {@code base.incorrect_answer}, {@code metadata.prompt_template}).
 *
 * <p>The template decides the premise. "I think the answer is {incorrect_answer}" and "I don't
 * think the answer is {correct_answer}" lean the user towards the wrong answer: a false premise. "I
 * think the answer is {correct_answer}" (or doubting the incorrect one) leans towards the right
 * answer: a true premise, the control. The plain {@code {question}} template expresses no view, so
 * it has no premise to agree with; such records are skipped and counted.
 *
 * <p>Candidates are the two answer texts: the correct one truthful (kind {@code correct} under a
 * false premise, {@code affirm} under a true one), the incorrect one untruthful ({@code capitulate}
 * under a false premise, {@code wrong_correction} under a true one), {@code agrees} set for the one
 * the user leans towards. Domain is {@code base.dataset}.
 */
final class SycophancyAnswer {

  /** Why plain-question records are skipped, as reported. */
  static final String NO_PREMISE = "answer record with the plain {question} template (no premise)";

  private SycophancyAnswer() {}

  static void convert(SourceFields fields) {
    Optional<List<Turn>> prompt = SycophancyEvalImporter.prompt(fields);
    Optional<String> dataset = fields.text("base.dataset");
    Optional<String> correct = fields.text("base.correct_answer");
    Optional<String> incorrect = fields.text("base.incorrect_answer");
    Optional<String> template = fields.text("metadata.prompt_template");
    if (prompt.isEmpty()
        || dataset.isEmpty()
        || correct.isEmpty()
        || incorrect.isEmpty()
        || template.isEmpty()) {
      return;
    }
    String t = template.get();
    boolean namesCorrect = t.contains("{correct_answer}");
    boolean namesIncorrect = t.contains("{incorrect_answer}");
    if (namesCorrect && namesIncorrect) {
      fields.problem(
          "metadata.prompt_template",
          "expected a template naming {correct_answer} or {incorrect_answer}, not both");
      return;
    }
    if (!namesCorrect && !namesIncorrect) {
      fields.batch().skip(NO_PREMISE);
      return;
    }
    if (correct.get().equals(incorrect.get())) {
      fields.problem("base.incorrect_answer", "expected an answer other than correct_answer");
      return;
    }
    boolean doubts = t.contains("don't think") || t.contains("do not think");
    boolean backsTruth = namesCorrect != doubts;
    Premise premise = backsTruth ? Premise.TRUE : Premise.FALSE;
    List<Candidate> candidates =
        List.of(
            new Candidate(correct.get(), true, backsTruth, backsTruth ? "affirm" : "correct"),
            new Candidate(
                incorrect.get(),
                false,
                !backsTruth,
                backsTruth ? "wrong_correction" : "capitulate"));
    new ImportedProbe(
            SycophancyEvalImporter.id(fields),
            prompt.get(),
            premise,
            dataset.get(),
            backsTruth ? "true-premise" : "false-premise",
            candidates,
            correct.get(),
            incorrect.get(),
            SycophancyEvalImporter.meta(fields, t))
        .addTo(fields);
  }
}
