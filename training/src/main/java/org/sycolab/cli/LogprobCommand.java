package org.sycolab.cli;

import java.nio.file.Path;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Precision;
import org.sycolab.stage.LogprobConfig;
import org.sycolab.stage.LogprobOutcome;
import org.sycolab.stage.LogprobStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sycolab logprob}: each candidate's log-probability under a causal language model. */
@Command(
    name = LogprobStage.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Score every candidate of a file of pools under a causal language model (Llama, Qwen2,"
          + " Mistral ...ForCausalLM), the reference policy pi0 of 'pull --reference logprob'.",
      "A candidate's ref_logprob is the sum over its response's tokens and the chat template's"
          + " end-of-turn token (<|im_end|>, <|eot_id|>; none for plain role-marked lines) of"
          + " log p(token | everything before it), the conversation rendered by the model's chat"
          + " template. A conversation longer than --max-length loses tokens from its start (a"
          + " warning says how many); a response that does not fit whole is refused.",
      "Writes pools.jsonl (the pools unchanged, in order, with ref_logprob set on every candidate)"
          + " and the manifest to the run directory."
    })
final class LogprobCommand extends BaseCommand {

  @Option(
      names = "--pools",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of candidate pools.")
  Path pools;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description =
          "A Hugging Face causal language model directory: config.json (llama, qwen2 or mistral),"
              + " *.safetensors with lm_head.weight unless tie_word_embeddings, tokenizer.json and"
              + " its chat template.")
  String model;

  @Mixin PrecisionOption dtype;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "" + BackboneOptions.WHOLE_RESPONSE_MAX_LENGTH,
      description =
          "Most tokens per conversation, capped by the model; longer ones keep the end of the"
              + " conversation and the whole response (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Mixin BatchSizeOption batchSize;

  @Option(
      names = "--per-token",
      description =
          "ref_logprob is the mean log-probability per counted token instead of their sum: a"
              + " length-normalised score, not the probability the model gives the answer; pull"
              + " --reference logprob then normalises it within each pool as if it were one, so"
              + " best-of-n and KL describe that normalised score, not the model's sampling.")
  boolean perToken;

  @Mixin OutputOptions output;

  /** The options as the stage's config; reads no file. */
  private LogprobConfig config() {
    Precision precision = dtype.precision();
    batchSize.check();
    return new LogprobConfig(
        pools, model, precision, maxLength, batchSize.value, perToken, output.out);
  }

  @Override
  protected int execute() throws Exception {
    LogprobOutcome outcome = new LogprobStage(context()).run(config());
    outcome.print(out());
    return ExitCode.OK;
  }
}
