package org.sycolab.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An experiment as written in its YAML file: a section per stage of the data flow. A value left out
 * takes the default of the command that stage runs (see that command's {@code --help}).
 *
 * @param name names the run directory, {@code runs/<name>-<timestamp>/}
 * @param device where to compute when {@code --device} is not given: auto, cpu, cuda or cuda:N
 * @param audit a user's reward model to audit beside the trained heads; null for none
 */
public record Experiment(
    String name, String device, Data data, Backbone backbone, Heads heads, Pull pull, Audit audit) {

  /**
   * Where the preference pairs and candidate pools come from: generated probes, or two files (paths
   * relative to the experiment file).
   */
  public record Data(Generate generate, String pairs, String pools) {}

  /** The probe generator's settings ({@code sycolab generate}). */
  public record Generate(
      Long seed,
      Integer pairs,
      @JsonProperty("heldout_domain") String heldoutDomain,
      List<String> families,
      @JsonProperty("control_share") Double controlShare) {}

  /** The frozen model that embeds every text ({@code sycolab embed}). */
  public record Backbone(
      String model,
      String pooling,
      @JsonProperty("max_length") Integer maxLength,
      Boolean normalize,
      String dtype,
      @JsonProperty("batch_size") Integer batchSize) {}

  /**
   * The reward heads ({@code sycolab train}): an agreeable and a grounded head per seed, plus one
   * mixture head per fraction in {@code mixture} (the popular-vote ablation) and, for each domain
   * in {@code heldout_domains}, a pair trained without that domain's pairs (the held-out domain
   * ablation).
   */
  public record Heads(
      String architecture,
      List<Long> seeds,
      List<Double> mixture,
      @JsonProperty("heldout_domains") List<String> heldoutDomains,
      Integer hidden,
      Double dropout,
      Integer epochs,
      Integer minibatch,
      Double lr,
      @JsonProperty("weight_decay") Double weightDecay,
      Double margin,
      Double centring,
      Integer patience) {}

  /**
   * The pull sweep ({@code sycolab pull}); {@code lambda}, {@code n} and {@code beta} take the
   * command's forms ({@code 0:1:0.1}, {@code 1,4,16}, {@code none}) or YAML lists. {@code
   * truth_floor} (a truthful rate in [0, 1], {@code --truth-floor}) asks the main sweep for the
   * choice table, {@code choice.csv}; left out, none is written.
   */
  public record Pull(
      Grid lambda,
      Grid n,
      Grid beta,
      String split,
      String reference,
      Integer bootstrap,
      Long seed,
      @JsonProperty("truth_floor") Double truthFloor) {}

  /**
   * A user's reward model ({@code sycolab score}): a sequence classifier with one output, whose
   * rewards on the pairs give its preference audit and on the pools its pull; {@code model} is a
   * directory, relative to the experiment file like the data; the rest default as {@code score}'s
   * options do.
   */
  public record Audit(
      String model,
      @JsonProperty("max_length") Integer maxLength,
      String dtype,
      @JsonProperty("batch_size") Integer batchSize) {}
}
