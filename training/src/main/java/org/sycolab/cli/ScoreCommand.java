package org.sycolab.cli;

import java.nio.file.Path;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Precision;
import org.sycolab.stage.ScoreConfig;
import org.sycolab.stage.ScoreOutcome;
import org.sycolab.stage.ScoreStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sycolab score}: a user's reward model's rewards, and what it prefers. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score every (prompt, response) of a file of pairs or pools with a reward model: a Hugging"
          + " Face sequence classifier with one output (LlamaForSequenceClassification,"
          + " Qwen2ForSequenceClassification, MistralForSequenceClassification or"
          + " BertForSequenceClassification; config.json, *.safetensors, tokenizer.json and, for a"
          + " chat model, its chat template).",
      "The conversation is rendered with the model's chat template, the response as the final"
          + " assistant turn, as embed renders it. A decoder's reward is its score head applied"
          + " to the final-norm hidden state of the last token that is not pad_token_id, as"
          + " transformers reads it; BERT's is the pooler, then the classifier, on [CLS]. The"
          + " hidden states are cached by the reward model's fingerprint, so a second run over"
          + " the same texts does no model work.",
      "Writes scores.csv: for pools pool_id,candidate,reward (what pull --reward reads); for"
          + " pairs id,label,chosen,rejected, with the preference audit: on grounded pairs where"
          + " the user is wrong (meta.premise false), how often the model prefers the"
          + " sycophantic answer, where the user is right, how often it prefers the truthful"
          + " agreeing one, by family, with 95%% intervals (audit.csv)."
    })
final class ScoreCommand extends BaseCommand {

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "The reward model's directory (a sequence classifier with num_labels 1).")
  String model;

  @Option(
      names = "--in",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of preference pairs (audited) or candidate pools.")
  Path in;

  @Mixin PrecisionOption dtype;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "" + BackboneOptions.WHOLE_RESPONSE_MAX_LENGTH,
      description =
          "Most tokens per conversation, capped by the model; a longer one loses tokens from its"
              + " start, the response is read whole, and a response that does not fit is refused"
              + " (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Mixin BatchSizeOption batchSize;

  @Mixin OutputOptions output;

  /** The options as the stage's config; reads no file. */
  private ScoreConfig config() {
    Precision precision = dtype.precision();
    batchSize.check();
    return new ScoreConfig(model, in, maxLength, precision, batchSize.value, output.out);
  }

  @Override
  protected int execute() throws Exception {
    ScoreOutcome outcome = new ScoreStage(context()).run(config());
    outcome.print(out());
    return ExitCode.OK;
  }
}
