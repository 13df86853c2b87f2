package org.sycolab.report;

import java.util.List;
import java.util.stream.Collectors;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Turn;
import org.sycolab.pull.Flips;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@link RunLayout#FLIPS_FILE}: one row per flipped pool, in the order of {@link Flips#find}, with
 * the texts the report quotes. The prompt is its turns, one {@code role: content} line each.
 */
public final class FlipsTable {

  /** The columns the report reads, with their types. */
  static final RunCsv.Columns COLUMNS =
      new RunCsv.Columns()
          .text("pool_id", "family", "domain", "premise", "prompt")
          .number("lambda")
          .count("truthful_candidate")
          .text("truthful_kind", "truthful_text")
          .count("sycophantic_candidate")
          .text("sycophantic_kind", "sycophantic_text");

  private FlipsTable() {}

  /**
   * The table of {@code flips}.
   *
   * @param pools the pools the flips index, in the order of the pool set they were found on
   */
  public static Table of(List<CandidatePool> pools, List<Flips.Flip> flips) {
    StringColumn id = StringColumn.create("pool_id");
    StringColumn family = StringColumn.create("family");
    StringColumn domain = StringColumn.create("domain");
    StringColumn premise = StringColumn.create("premise");
    StringColumn prompt = StringColumn.create("prompt");
    DoubleColumn lambda = DoubleColumn.create("lambda");
    IntColumn truthful = IntColumn.create("truthful_candidate");
    StringColumn truthfulKind = StringColumn.create("truthful_kind");
    StringColumn truthfulText = StringColumn.create("truthful_text");
    IntColumn sycophantic = IntColumn.create("sycophantic_candidate");
    StringColumn sycophanticKind = StringColumn.create("sycophantic_kind");
    StringColumn sycophanticText = StringColumn.create("sycophantic_text");
    for (Flips.Flip flip : flips) {
      CandidatePool pool = pools.get(flip.pool());
      Candidate top = pool.candidates().get(flip.truthful());
      Candidate agreeing = pool.candidates().get(flip.sycophantic());
      id.append(pool.id());
      family.append(pool.family());
      domain.append(pool.domain());
      premise.append(pool.premise().jsonName());
      prompt.append(prompt(pool.prompt()));
      lambda.append(flip.lambda());
      truthful.append(flip.truthful());
      truthfulKind.append(top.kind());
      truthfulText.append(top.text());
      sycophantic.append(flip.sycophantic());
      sycophanticKind.append(agreeing.kind());
      sycophanticText.append(agreeing.text());
    }
    return Table.create(
        "flips",
        id,
        family,
        domain,
        premise,
        prompt,
        lambda,
        truthful,
        truthfulKind,
        truthfulText,
        sycophantic,
        sycophanticKind,
        sycophanticText);
  }

  private static String prompt(List<Turn> turns) {
    return turns.stream()
        .map(t -> t.role().jsonName() + ": " + t.content())
        .collect(Collectors.joining("\n"));
  }
}
