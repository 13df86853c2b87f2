package org.sycolab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BuiltinModel;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.torchscript.TorchScriptModel;
import org.sycolab.data.DataSplit;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.probes.Family;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.data.probes.ProbeGenerator;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.io.JsonPlaces;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.Reference;

/**
 * Reads an experiment file and checks every value before any stage runs, so a typo in the last
 * section fails in the first second, naming the file, the line and the field.
 */
public final class ExperimentFile {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private ExperimentFile() {}

  /**
   * Parses and checks {@code file}.
   *
   * @throws InvalidExperimentException listing every problem found
   * @throws IOException when the file cannot be read
   */
  public static Experiment read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      if (Files.exists(file)) {
        throw new InvalidExperimentException(
            file + ": " + DatasetValidator.notAFile(file).orElseThrow());
      }
      throw new NoSuchFileException(file.toString());
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new InvalidExperimentException(file + ": not UTF-8 text");
    }
    if (text.isBlank()) {
      throw new InvalidExperimentException(file + ": empty; see experiments/demo.yaml");
    }
    refuseAliases(file, text);
    Experiment experiment;
    try {
      experiment = YAML.readValue(text, Experiment.class);
    } catch (JsonMappingException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof JsonParseException syntax) {
          throw notYaml(file, syntax);
        }
      }
      JsonLocation where = locate(file, e.getPath()).orElse(e.getLocation());
      throw new InvalidExperimentException(
          file + JsonPlaces.located(where) + ": " + field(e) + cause(e));
    } catch (JsonProcessingException e) {
      throw notYaml(file, e);
    }
    if (experiment == null) {
      throw new InvalidExperimentException(
          file + ": holds no experiment; see experiments/demo.yaml");
    }
    List<String> problems = check(experiment);
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(
          problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n")));
    }
    return experiment;
  }

  /**
   * Refuses the first YAML alias ({@code *name}): the YAML reader would read it as the text of its
   * name, not as the anchored value, so a run would silently use the wrong setting. A syntax error
   * is left to the full read, which reports it.
   */
  private static void refuseAliases(Path file, String text) throws IOException {
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          throw new InvalidExperimentException(
              file
                  + JsonPlaces.located(parser.currentTokenLocation())
                  + ": aliases (*"
                  + parser.getText()
                  + ") are not supported in experiment files; write the value out");
        }
      }
    } catch (JsonProcessingException e) {
      // Not YAML: the full read names the problem and its line.
    }
  }

  /**
   * Checks, before a run starts, what {@link #read} cannot see from the file alone: the data files
   * and a model directory it names exist (relative to the experiment file's directory), and each
   * held-out domain is one the generator makes.
   *
   * @throws InvalidExperimentException naming each problem
   */
  public static void requirePaths(Path file, Experiment experiment) {
    Path base = file.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    Experiment.Data data = experiment.data();
    if (data.generate() == null) {
      requireFile(problems, file, "data.pairs", base.resolve(data.pairs()).normalize());
      requireFile(problems, file, "data.pools", base.resolve(data.pools()).normalize());
    }
    Experiment.Backbone backbone = experiment.backbone();
    if (backbone != null
        && backbone.model() != null
        && !backbone.model().startsWith(BuiltinModel.SCHEME)) {
      Path model = base.resolve(backbone.model()).normalize();
      if (!Files.isDirectory(model) && !TorchScriptModel.isTorchScriptReference(model.toString())) {
        problems.add(
            file + ": backbone.model: no such model directory or TorchScript file: " + model);
      }
    }
    Experiment.Audit audit = experiment.audit();
    if (audit != null && audit.model() != null) {
      Path model = base.resolve(audit.model()).normalize();
      if (!Files.isDirectory(model)) {
        problems.add(file + ": audit.model: no such model directory: " + model);
      }
    }
    List<String> heldout = experiment.heads() == null ? null : experiment.heads().heldoutDomains();
    if (data.generate() != null && heldout != null) {
      List<String> domains = ProbeGenerator.standard().domains();
      for (String domain : heldout) {
        if (!domains.contains(domain)) {
          problems.add(
              file
                  + ": heads.heldout_domains: the generator makes no domain '"
                  + domain
                  + "'; its domains: "
                  + String.join(", ", domains));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(String.join("\n", problems));
    }
  }

  private static void requireFile(List<String> problems, Path file, String field, Path path) {
    if (!Files.isRegularFile(path)) {
      problems.add(file + ": " + field + ": no such file: " + path);
    }
  }

  /** The experiment as nested maps, values left out omitted, for a run's manifest. */
  public static Map<?, ?> asMap(Experiment experiment) {
    return YAML.convertValue(experiment, Map.class);
  }

  /**
   * Where the field a mapping error names starts in the file. Records are built once their whole
   * object is read, so the error's own location is the object's end.
   */
  private static Optional<JsonLocation> locate(Path file, List<JsonMappingException.Reference> path)
      throws IOException {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      pointer.append('/');
      pointer.append(
          r.getFieldName() != null
              ? r.getFieldName().replace("~", "~0").replace("/", "~1")
              : String.valueOf(r.getIndex()));
    }
    JsonPointer target = JsonPointer.compile(pointer.toString());
    try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
      while (parser.nextToken() != null) {
        if (parser.getParsingContext().pathAsPointer().equals(target)) {
          return Optional.of(parser.currentTokenLocation());
        }
      }
    } catch (JsonProcessingException e) {
      return Optional.empty(); // the mapping error is the one to report
    }
    return Optional.empty();
  }

  private static final Pattern PARSER_EVENT =
      Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^>]*\\)>");

  private static InvalidExperimentException notYaml(Path file, JsonProcessingException e) {
    return new InvalidExperimentException(
        file
            + JsonPlaces.located(e.getLocation())
            + ": not valid YAML: "
            + plainEvents(e.getOriginalMessage().lines().findFirst().orElse("")));
  }

  /**
   * The parser's message with its event objects ({@code <org.yaml.snakeyaml.events.AliasEvent(…)>})
   * said in words, so the user reads about their file, not the parser's classes.
   */
  static String plainEvents(String message) {
    Matcher event = PARSER_EVENT.matcher(message);
    StringBuilder plain = new StringBuilder();
    while (event.find()) {
      String words =
          switch (event.group(1)) {
            case "Alias" -> "an alias";
            case "MappingStart" -> "a mapping";
            case "SequenceStart" -> "a list";
            case "Scalar" -> "a value";
            default -> "something else";
          };
      event.appendReplacement(plain, Matcher.quoteReplacement(words));
    }
    return event.appendTail(plain).toString();
  }

  private static String field(JsonMappingException e) {
    String path = JsonPlaces.field(e);
    return path.isEmpty() ? "" : path + ": ";
  }

  private static String cause(JsonMappingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      return "unknown field; expected one of "
          + u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + describe(m.getTargetType());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException) {
      return root.getMessage();
    }
    return e.getOriginalMessage().lines().findFirst().orElse("invalid value");
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "text";
    } else if (type == Integer.class || type == Long.class) {
      return "a whole number";
    } else if (type == Double.class) {
      return "a number";
    } else if (type == Boolean.class) {
      return "true or false";
    } else if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a section of fields (see experiments/demo.yaml)";
  }

  /** Every problem of a parsed experiment, as "field: message". */
  static List<String> check(Experiment e) {
    List<String> problems = new ArrayList<>();
    if (e.name() == null || !NAME.matcher(e.name()).matches()) {
      problems.add(
          "name: expected 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit;"
              + " got "
              + (e.name() == null ? "nothing" : "'" + e.name() + "'"));
    }
    attempt(problems, "device", e.device(), DeviceSpec::parse);
    checkData(e.data(), problems);
    if (e.backbone() != null) {
      Experiment.Backbone b = e.backbone();
      if (b.pooling() != null && Pooling.parse(b.pooling()).isEmpty()) {
        problems.add(
            "backbone.pooling: expected one of " + Pooling.ids() + ", got '" + b.pooling() + "'");
      }
      attempt(problems, "backbone.dtype", b.dtype(), Precision::parse);
      if ("float16".equals(b.dtype()) && !decoderDirectory(b.model())) {
        // Known without opening the model: the built-in encoder and TorchScript modules run in
        // float32 (or, for a module, the type it was exported in).
        problems.add(
            "backbone.dtype: float16 is for decoder model directories; "
                + (b.model() == null ? BuiltinModel.defaultModel().reference() : b.model())
                + " runs in float32");
      }
      positive(problems, "backbone.max_length", b.maxLength());
      positive(problems, "backbone.batch_size", b.batchSize());
    }
    if (e.heads() != null) {
      checkHeads(e.heads(), problems);
    }
    if (e.pull() != null) {
      checkPull(e.pull(), problems);
    }
    if (e.audit() != null) {
      checkAudit(e.audit(), problems);
    }
    return problems;
  }

  private static void checkAudit(Experiment.Audit audit, List<String> problems) {
    if (audit.model() == null) {
      problems.add("audit.model: missing; the reward model's directory (a sequence classifier)");
    } else if (audit.model().startsWith(BuiltinModel.SCHEME)) {
      problems.add(
          "audit.model: a built-in model is an encoder, not a reward model; give the reward"
              + " model's directory");
    }
    attempt(problems, "audit.dtype", audit.dtype(), Precision::parse);
    atLeast(problems, "audit.max_length", audit.maxLength(), BackboneOptions.MIN_LENGTH);
    positive(problems, "audit.batch_size", audit.batchSize());
  }

  private static void checkData(Experiment.Data data, List<String> problems) {
    if (data == null) {
      problems.add("data: missing; give data.generate (probes) or data.pairs and data.pools");
      return;
    }
    boolean files = data.pairs() != null || data.pools() != null;
    if (data.generate() != null && files) {
      problems.add("data: give either generate or pairs and pools, not both");
    } else if (data.generate() == null && (data.pairs() == null || data.pools() == null)) {
      problems.add("data: give generate, or both pairs and pools (JSONL files)");
    } else if (data.generate() != null) {
      positive(problems, "data.generate.pairs", data.generate().pairs());
      checkGenerator(data.generate(), problems);
    }
  }

  /** The generator's own checks (families, share of controls, pair limit, held-out domain). */
  private static void checkGenerator(Experiment.Generate g, List<String> problems) {
    List<Family> families = new ArrayList<>();
    if (g.families() == null) {
      families.addAll(Family.generated());
    } else {
      for (String family : g.families()) {
        Optional<Family> known = family == null ? Optional.empty() : Family.fromJson(family);
        if (known.isEmpty()) {
          problems.add(
              "data.generate.families: expected names among "
                  + Family.generated().stream().map(Family::jsonName).toList()
                  + ", got "
                  + g.families());
          return;
        }
        families.add(known.get());
      }
    }
    String heldout =
        g.heldoutDomain() == null ? GeneratorConfig.DEFAULT_HELDOUT : g.heldoutDomain();
    if (!ProbeGenerator.standard().domains().contains(heldout)) {
      problems.add(
          "data.generate.heldout_domain: the generator makes no domain '"
              + heldout
              + "'; its domains: "
              + String.join(", ", ProbeGenerator.standard().domains()));
    }
    if (g.pairs() != null && g.pairs() < 1) {
      return; // reported as not positive
    }
    try {
      new GeneratorConfig(
          g.seed() == null ? 1 : g.seed(),
          g.pairs() == null ? 1 : g.pairs(),
          heldout,
          families,
          g.controlShare() == null ? GeneratorConfig.DEFAULT_CONTROL_SHARE : g.controlShare());
    } catch (IllegalArgumentException e) {
      // The generator speaks of command-line options; here they are fields of data.generate.
      problems.add(
          "data.generate: "
              + e.getMessage()
                  .replace("--control-share", "control_share")
                  .replace("--families", "families")
                  .replace("--pairs", "pairs"));
    }
  }

  private static void checkHeads(Experiment.Heads heads, List<String> problems) {
    attempt(problems, "heads.architecture", heads.architecture(), HeadArchitecture.Kind::parse);
    if (heads.seeds() != null) {
      if (heads.seeds().isEmpty() || heads.seeds().contains(null)) {
        problems.add("heads.seeds: expected a list of one or more seeds");
      } else if (new HashSet<>(heads.seeds()).size() != heads.seeds().size()) {
        problems.add("heads.seeds: seeds repeat: " + heads.seeds());
      }
    }
    if (heads.mixture() != null) {
      for (Double p : heads.mixture()) {
        if (p == null || !(p >= 0 && p <= 1)) {
          problems.add("heads.mixture: fractions must be in [0, 1], got " + heads.mixture());
          break;
        }
      }
      if (new HashSet<>(heads.mixture()).size() != heads.mixture().size()) {
        problems.add("heads.mixture: fractions repeat: " + heads.mixture());
      }
    }
    if (heads.heldoutDomains() != null) {
      for (String domain : heads.heldoutDomains()) {
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
          problems.add(
              "heads.heldout_domains: expected domain names of 1 to 64 lower-case letters, digits,"
                  + " '-' or '_', starting with a letter or digit, got "
                  + (domain == null
                      ? "an empty entry"
                      : "'" + domain + "' (" + domain.length() + " characters)"));
          break;
        }
      }
      if (new HashSet<>(heads.heldoutDomains()).size() != heads.heldoutDomains().size()) {
        problems.add("heads.heldout_domains: domains repeat: " + heads.heldoutDomains());
      }
    }
    positive(problems, "heads.hidden", heads.hidden());
    positive(problems, "heads.epochs", heads.epochs());
    positive(problems, "heads.minibatch", heads.minibatch());
    positive(problems, "heads.patience", heads.patience());
    if (heads.dropout() != null && !(heads.dropout() >= 0 && heads.dropout() < 1)) {
      problems.add("heads.dropout: expected a probability in [0, 1), got " + heads.dropout());
    }
    if (heads.lr() != null && !(heads.lr() > 0 && Double.isFinite(heads.lr()))) {
      problems.add("heads.lr: expected a positive learning rate, got " + heads.lr());
    }
    atLeast(problems, "heads.weight_decay", heads.weightDecay(), 0);
    atLeast(problems, "heads.margin", heads.margin(), 0);
    atLeast(problems, "heads.centring", heads.centring(), 0);
  }

  private static void checkPull(Experiment.Pull pull, List<String> problems) {
    int before = problems.size();
    attempt(problems, "pull.lambda", text(pull.lambda()), t -> PullGrid.parseDecimals(t, "λ"));
    attempt(problems, "pull.n", text(pull.n()), t -> PullGrid.parseCounts(t, "n"));
    String beta = text(pull.beta());
    if (beta != null && !beta.trim().equals(PullGrid.NO_BETAS)) {
      attempt(problems, "pull.beta", beta, t -> PullGrid.parseDecimals(t, "β"));
    }
    if (problems.size() == before) {
      attempt(
          problems,
          "pull",
          "",
          ignored ->
              PullGrid.parse(
                  orDefault(pull.lambda(), PullGrid.DEFAULT_LAMBDAS),
                  orDefault(pull.n(), PullGrid.DEFAULT_NS),
                  orDefault(pull.beta(), PullGrid.DEFAULT_BETAS)));
    }
    if (pull.split() != null
        && !pull.split().equals("all")
        && DataSplit.parse(pull.split()).isEmpty()) {
      problems.add("pull.split: expected train, dev, test or all, got '" + pull.split() + "'");
    }
    if (pull.reference() != null && Reference.parse(pull.reference()).isEmpty()) {
      problems.add("pull.reference: expected uniform or logprob, got '" + pull.reference() + "'");
    }
    atLeast(problems, "pull.bootstrap", pull.bootstrap(), 0);
    Double floor = pull.truthFloor();
    if (floor != null && !(floor >= 0 && floor <= 1)) {
      problems.add("pull.truth_floor: expected a truthful rate in [0, 1], got " + floor);
    }
    if (floor != null && pull.bootstrap() != null && pull.bootstrap() == 0) {
      problems.add(
          "pull.truth_floor: needs the truthful rate's interval; pull.bootstrap 0 gives none");
    }
  }

  private static String text(Grid grid) {
    return grid == null ? null : grid.text();
  }

  private static String orDefault(Grid grid, String otherwise) {
    return grid == null ? otherwise : grid.text();
  }

  private static void positive(List<String> problems, String field, Integer value) {
    if (value != null && value < 1) {
      problems.add(field + ": expected a positive integer, got " + value);
    }
  }

  private static void atLeast(List<String> problems, String field, Number value, double least) {
    if (value != null && !(value.doubleValue() >= least && Double.isFinite(value.doubleValue()))) {
      problems.add(field + ": expected at least " + ExperimentPlan.plain(least) + ", got " + value);
    }
  }

  /** Whether a backbone.model may be a decoder: a directory, not built in or TorchScript. */
  private static boolean decoderDirectory(String model) {
    return model != null
        && !model.startsWith(BuiltinModel.SCHEME)
        && TorchScriptModel.EXTENSIONS.stream().noneMatch(model::endsWith);
  }

  private static void attempt(
      List<String> problems, String field, String value, Function<String, ?> parser) {
    if (value == null) {
      return;
    }
    try {
      parser.apply(value);
    } catch (IllegalArgumentException ex) {
      problems.add(field + ": " + ex.getMessage());
    }
  }
}
