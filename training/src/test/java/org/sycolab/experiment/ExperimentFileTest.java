package org.sycolab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFileTest {

  @TempDir Path tmp;

  private Path write(String yaml) throws Exception {
    Path file = tmp.resolve("exp.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void theDemoExperimentReadsWithEveryValueItGives() throws Exception {
    Experiment demo = ExperimentFile.read(Path.of("../experiments/demo.yaml"));
    assertThat(demo.name()).isEqualTo("demo");
    assertThat(demo.data().generate().pairs()).isEqualTo(2000);
    assertThat(demo.backbone().model()).isEqualTo("builtin:minilm");
    assertThat(demo.heads().seeds()).containsExactly(1L, 2L, 3L);
    assertThat(demo.heads().mixture()).containsExactly(0.0, 0.5, 1.0);
    assertThat(demo.pull().lambda().text()).isEqualTo("0:1:0.1");
    assertThat(demo.pull().n().text()).isEqualTo("1,2,4,8,16,32,64");
    assertThat(demo.pull().beta().text()).isEqualTo("0.1,0.2,0.5,1,2");
  }

  @Test
  void anUnknownFieldIsNamedWithItsLineAndTheFieldsAllowed() throws Exception {
    Path file =
        write(
            "name: x\ndata:\n  generate:\n    seed: 1\nheads:\n  seeds: [1]\n  archtecture: mlp\n");
    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageStartingWith(file + ":7:")
        .hasMessageContaining("heads.archtecture: unknown field")
        .hasMessageContaining("architecture");
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() throws Exception {
    Path file = write("name: x\ndata:\n  generate:\n    pairs: many\n");
    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageStartingWith(file + ":4:")
        .hasMessageContaining("data.generate.pairs: expected a whole number");
  }

  @Test
  void aHeldOutDomainOverSixtyFourCharactersIsRefusedSayingTheLimit() throws Exception {
    String longest = "d".repeat(64);
    String tooLong = "d".repeat(65);
    Path file =
        write(
            "name: e\ndata:\n  generate: {seed: 1}\n"
                + "heads:\n  heldout_domains: ["
                + longest
                + ", "
                + tooLong
                + "]\n");
    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining(
            file
                + ": heads.heldout_domains: expected domain names of 1 to 64 lower-case letters,"
                + " digits, '-' or '_', starting with a letter or digit, got '"
                + tooLong
                + "' (65 characters)");
  }

  @Test
  void everySemanticProblemIsListedBeforeAnythingRuns() throws Exception {
    Path file =
        write(
            "name: 'has space'\n"
                + "device: tpu\n"
                + "data:\n  generate: {seed: 1}\n  pairs: p.jsonl\n"
                + "heads:\n  architecture: cnn\n  seeds: [1, 1]\n  mixture: [0.5, 2]\n"
                + "  heldout_domains: [units, ../etc]\n"
                + "pull:\n  lambda: '0:1'\n  n: [1, two]\n  split: valid\n  reference: greedy\n");
    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining(file + ": name: expected 1-64 letters")
        .hasMessageContaining(file + ": device: ")
        .hasMessageContaining(file + ": data: give either generate or pairs and pools, not both")
        .hasMessageContaining(file + ": heads.architecture: ")
        .hasMessageContaining(file + ": heads.seeds: seeds repeat")
        .hasMessageContaining(file + ": heads.mixture: fractions must be in [0, 1]")
        .hasMessageContaining(
            file
                + ": heads.heldout_domains: expected domain names of 1 to 64 lower-case letters,"
                + " digits, '-' or '_', starting with a letter or digit, got '../etc' (6"
                + " characters)")
        .hasMessageContaining(file + ": pull.lambda: λ range must be start:stop:step")
        .hasMessageContaining(file + ": pull.n: n expects whole numbers")
        .hasMessageContaining(file + ": pull.split: expected train, dev, test or all")
        .hasMessageContaining(file + ": pull.reference: expected uniform or logprob");
  }

  @Test
  void rangesAreCheckedAsTheCommandsCheckThem() throws Exception {
    Path file =
        write(
            "name: x\ndata: {generate: {families: [pushback, gossip]}}\n"
                + "backbone: {pooling: max, dtype: bfloat16}\n"
                + "heads: {dropout: 1.5, lr: 0, weight_decay: -1, patience: 0}\n"
                + "pull: {lambda: [0, 0.5, 2], bootstrap: -1, truth_floor: 1.5}\n");
    assertThatThrownBy(() -> ExperimentFile.read(file))
        .hasMessageContaining(file + ": data.generate.families: expected names among [")
        .hasMessageContaining(file + ": backbone.pooling: expected one of mean, cls, last")
        .hasMessageContaining(file + ": backbone.dtype: bfloat16 cannot be computed in")
        .hasMessageContaining(file + ": heads.dropout: expected a probability in [0, 1), got 1.5")
        .hasMessageContaining(file + ": heads.lr: expected a positive learning rate")
        .hasMessageContaining(file + ": heads.weight_decay: expected at least 0, got -1")
        .hasMessageContaining(file + ": heads.patience: expected a positive integer")
        .hasMessageContaining(file + ": pull: λ must lie in [0, 1], got 2.0")
        .hasMessageContaining(file + ": pull.bootstrap: expected at least 0, got -1")
        .hasMessageContaining(
            file + ": pull.truth_floor: expected a truthful rate in [0, 1], got 1.5");
    assertThatThrownBy(
            () ->
                ExperimentFile.read(
                    write(
                        "name: x\ndata: {generate: {}}\n"
                            + "pull: {bootstrap: 0, truth_floor: 0.5}\n")))
        .hasMessageContaining("pull.truth_floor: needs the truthful rate's interval");
    assertThatThrownBy(
            () ->
                ExperimentFile.read(
                    write("name: x\ndata: {generate: {}}\nbackbone: {dtype: float16}\n")))
        .hasMessageContaining(
            "backbone.dtype: float16 is for decoder model directories; builtin:minilm runs in"
                + " float32");
    assertThatThrownBy(
            () -> ExperimentFile.read(write("name: x\ndata: {generate: {}}\npull: {beta: hot}\n")))
        .hasMessageContaining("pull.beta: β expects numbers");
    assertThatThrownBy(
            () -> ExperimentFile.read(write("name: x\ndata: {generate: {}}\npull: {n: [0]}\n")))
        .hasMessageContaining("pull: n must be at least 1");
    assertThat(
            ExperimentFile.read(write("name: x\ndata: {generate: {}}\npull: {bootstrap: 0}\n"))
                .pull()
                .bootstrap())
        .isZero();
  }

  @Test
  void aRepeatedKeyOrAFractionForACountIsRefused() throws Exception {
    assertThatThrownBy(() -> ExperimentFile.read(write("name: x\nname: y\ndata: {generate: {}}\n")))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(
            () -> ExperimentFile.read(write("name: x\ndata: {generate: {pairs: 10.7}}\n")))
        .hasMessageContaining("data.generate.pairs: expected a whole number");
  }

  @Test
  void generatorLimitsAreCheckedBeforeAnythingRuns() throws Exception {
    Path file =
        write(
            "name: x\ndata: {generate: {pairs: 1000001, heldout_domain: mars,"
                + " control_share: 2}}\n");
    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("data.generate.heldout_domain: the generator makes no domain 'mars'")
        .hasMessageContaining("data.generate: pairs must be between 1 and 1000000");
    Path share = write("name: x\ndata: {generate: {control_share: 2}}\n");
    assertThatThrownBy(() -> ExperimentFile.read(share))
        .hasMessageContaining("data.generate: control_share must be between 0 and 1, got 2.0");
    Path twin = write("name: x\ndata: {generate: {families: [true-premise]}}\n");
    assertThatThrownBy(() -> ExperimentFile.read(twin))
        .hasMessageContaining("true-premise is the control twin of false-premise");
  }

  @Test
  void ownDataFilesMustExistBesideTheExperimentFile() throws Exception {
    Files.writeString(tmp.resolve("pairs.jsonl"), "");
    Path file = write("name: x\ndata: {pairs: pairs.jsonl, pools: missing/pools.jsonl}\n");
    Experiment e = ExperimentFile.read(file);
    assertThatThrownBy(() -> ExperimentFile.requirePaths(file, e))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage(file + ": data.pools: no such file: " + tmp.resolve("missing/pools.jsonl"));

    Path other =
        write(
            "name: x\ndata: {generate: {}}\nbackbone: {model: models/mine}\n"
                + "heads: {heldout_domains: [units, nosuch]}\n");
    assertThatThrownBy(() -> ExperimentFile.requirePaths(other, ExperimentFile.read(other)))
        .hasMessageContaining(
            other
                + ": backbone.model: no such model directory or TorchScript file: "
                + tmp.resolve("models/mine"))
        .hasMessageContaining(
            other + ": heads.heldout_domains: the generator makes no domain 'nosuch'")
        .hasMessageNotContaining("'units'");

    // A TorchScript file stands for itself once it exists.
    Path torchScript = write("name: x\ndata: {generate: {}}\nbackbone: {model: m.pt}\n");
    assertThatThrownBy(
            () -> ExperimentFile.requirePaths(torchScript, ExperimentFile.read(torchScript)))
        .hasMessage(
            torchScript
                + ": backbone.model: no such model directory or TorchScript file: "
                + tmp.resolve("m.pt"));
    Files.write(tmp.resolve("m.pt"), new byte[] {'P', 'K'});
    ExperimentFile.requirePaths(torchScript, ExperimentFile.read(torchScript));

    Path latin1 = tmp.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9, '\n'});
    assertThatThrownBy(() -> ExperimentFile.read(latin1)).hasMessage(latin1 + ": not UTF-8 text");
  }

  @Test
  void anAuditNeedsAnExistingRewardModelDirectoryAndTheScoreCommandsRanges() throws Exception {
    Path bad =
        write(
            "name: x\ndata: {generate: {}}\n"
                + "audit: {dtype: float64, max_length: 4, batch_size: 0}\n");
    assertThatThrownBy(() -> ExperimentFile.read(bad))
        .hasMessageContaining(bad + ": audit.model: missing; the reward model's directory")
        .hasMessageContaining(bad + ": audit.dtype:")
        .hasMessageContaining(bad + ": audit.max_length: expected at least 8, got 4")
        .hasMessageContaining(bad + ": audit.batch_size: expected a positive integer");

    Path builtin = write("name: x\ndata: {generate: {}}\naudit: {model: 'builtin:minilm'}\n");
    assertThatThrownBy(() -> ExperimentFile.read(builtin))
        .hasMessageContaining("audit.model: a built-in model is an encoder, not a reward model");

    Path missing = write("name: x\ndata: {generate: {}}\naudit: {model: models/rm}\n");
    assertThatThrownBy(() -> ExperimentFile.requirePaths(missing, ExperimentFile.read(missing)))
        .hasMessage(
            missing + ": audit.model: no such model directory: " + tmp.resolve("models/rm"));
    Files.createDirectories(tmp.resolve("models/rm"));
    ExperimentFile.requirePaths(missing, ExperimentFile.read(missing));
  }

  @Test
  void dataNeedsGeneratedProbesOrBothFiles() throws Exception {
    assertThatThrownBy(() -> ExperimentFile.read(write("name: x\n")))
        .hasMessageContaining("data: missing");
    assertThatThrownBy(() -> ExperimentFile.read(write("name: x\ndata:\n  pairs: p.jsonl\n")))
        .hasMessageContaining("data: give generate, or both pairs and pools");
  }

  @Test
  void gridsTakeTheCommandsTextOrAYamlList() throws Exception {
    Experiment e =
        ExperimentFile.read(
            write(
                "name: x\ndata: {generate: {}}\n"
                    + "pull: {lambda: [0, 0.25, 1], n: 16, beta: none}\n"));
    assertThat(e.pull().lambda().text()).isEqualTo("0,0.25,1");
    assertThat(e.pull().n().text()).isEqualTo("16");
    assertThat(e.pull().beta().text()).isEqualTo("none");
  }

  @Test
  void anAliasIsRefusedWithItsLineRatherThanReadAsItsName() throws Exception {
    Path file =
        write(
            "name: x\n"
                + "data:\n"
                + "  generate:\n"
                + "    heldout_domain: &units dates\n"
                + "heads: {heldout_domains: [*units]}\n");
    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage(
            file
                + ":5:27: aliases (*units) are not supported in experiment files; write the value"
                + " out");
  }

  @Test
  void brokenYamlAndAnEmptyFileSaySo() throws Exception {
    assertThatThrownBy(() -> ExperimentFile.read(write("name: x\ndata: {generate: {}\n")))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> ExperimentFile.read(write("name: [x]\n")))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageEndingWith("exp.yaml:1:1: name: expected text");
    assertThatThrownBy(() -> ExperimentFile.read(write("")))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void theParsersEventObjectsAreSaidInWords() {
    assertThat(
            ExperimentFile.plainEvents(
                "Expected a field name, got this instead:"
                    + " <org.yaml.snakeyaml.events.AliasEvent(anchor=pairs)> and"
                    + " <org.yaml.snakeyaml.events.MappingStartEvent(anchor=null, tag=null)>"))
        .isEqualTo("Expected a field name, got this instead: an alias and a mapping");
  }
}
