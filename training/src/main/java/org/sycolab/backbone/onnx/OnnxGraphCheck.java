package org.sycolab.backbone.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

/**
 * The check that lets ONNX Runtime run an encoder in place of sycolab's PyTorch blocks under the
 * same fingerprint: on a probe batch (mixed lengths and padding, both token types, several turns,
 * non-ASCII text and one input cut at the max length), the two give the same pooled vectors within
 * {@link #TOLERANCE}. An encoder the fused graph does not express (a checkpoint whose config says
 * what the weights do not follow, an ONNX Runtime that computes otherwise) fails it. The verdict is
 * kept under the cache root for each fingerprint, {@link FusedBertGraph#VERSION}, ONNX Runtime
 * version and kind of CPU, so a machine checks a model once.
 */
public final class OnnxGraphCheck {

  /** The largest difference of any vector component the engines may show. */
  public static final double TOLERANCE = 1e-4;

  /** The directory under the cache root that keeps the verdicts. */
  public static final String DIRECTORY = "engine-checks";

  private static final Logger LOG = LoggerFactory.getLogger(OnnxGraphCheck.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Opens the reference backbone the graph is checked against. */
  @FunctionalInterface
  public interface Reference {
    /** The backbone, which the check closes. */
    Backbone open() throws IOException;
  }

  /**
   * What the check found.
   *
   * @param agrees whether every component of every probe vector is within {@link #TOLERANCE}
   * @param maxDifference the largest absolute difference of a component
   * @param file where the verdict is kept
   */
  public record Verdict(boolean agrees, double maxDifference, Path file) {}

  private final Path cacheRoot;

  private OnnxGraphCheck(Path cacheRoot) {
    this.cacheRoot = cacheRoot;
  }

  /** Verdicts kept under {@code cacheRoot}/{@value #DIRECTORY}. */
  public static OnnxGraphCheck under(Path cacheRoot) {
    return new OnnxGraphCheck(cacheRoot);
  }

  /**
   * The verdict on {@code onnx}, which runs {@code spec}'s encoder: the kept one, or one computed
   * now against the backbone {@code reference} opens.
   */
  public Verdict verdict(BackboneSpec spec, Backbone onnx, Reference reference) throws IOException {
    String runtime = OnnxEncoderBackbone.environment().getVersion();
    String machine = machine();
    Path entry =
        cacheRoot
            .resolve(DIRECTORY)
            .resolve(
                FileDigest.sha256(
                        String.join(
                                "\n", spec.fingerprint(), FusedBertGraph.VERSION, runtime, machine)
                            .getBytes(StandardCharsets.UTF_8))
                    + ".json");
    Verdict kept = read(entry);
    if (kept != null) {
      return kept;
    }
    LOG.debug(
        "checking {} on ONNX Runtime against PyTorch (once per model and machine)",
        spec.reference());
    List<PairText> probe = probe(spec.options().maxLength());
    double maxDifference;
    try (Backbone pytorch = reference.open()) {
      maxDifference = maxDifference(embed(onnx, probe), embed(pytorch, probe));
    }
    Verdict verdict = new Verdict(maxDifference <= TOLERANCE, maxDifference, entry);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("fingerprint", spec.fingerprint());
    record.put("model", spec.reference());
    record.put("graph", FusedBertGraph.VERSION);
    record.put("onnxruntime", runtime);
    record.put("machine", machine);
    record.put("probe_texts", probe.size());
    record.put("tolerance", TOLERANCE);
    record.put("max_abs_difference", maxDifference);
    record.put("agrees", verdict.agrees());
    try {
      AtomicFiles.writeBytes(entry, JSON.writeValueAsBytes(record));
    } catch (IOException e) {
      // A cache that cannot be written costs the check again next time, nothing else.
      LOG.debug("cannot keep the engine check in {}: {}", entry, e.getMessage());
    }
    return verdict;
  }

  /** The probe texts; the last one is longer than {@code maxLength} tokens. */
  static List<PairText> probe(int maxLength) {
    StringBuilder longPrompt = new StringBuilder();
    for (int i = 0; i < maxLength; i++) {
      longPrompt.append("claim ").append(i).append(" was checked; ");
    }
    return List.of(
        new PairText(List.of(Turn.user("Is Sydney the capital of Australia?")), "Yes."),
        new PairText(
            List.of(
                Turn.system("You are a careful assistant."),
                Turn.user("I'm sure the Great Wall is visible from space, right?"),
                Turn.assistant("Not with the naked eye."),
                Turn.user("My teacher said it is.")),
            "Astronauts in low orbit report that it is too narrow to see unaided."),
        new PairText(
            List.of(Turn.user("Ist München die Hauptstadt Bayerns? 東京は?")),
            "Ja — München ist Bayerns Hauptstadt; 東京は日本の首都です。"),
        new PairText(List.of(Turn.user(longPrompt.toString())), "All of them hold."));
  }

  private static float[][] embed(Backbone backbone, List<PairText> texts) {
    List<TokenizedInput> batch = new ArrayList<>();
    texts.forEach(text -> batch.add(backbone.tokenize(text)));
    return backbone.embed(batch);
  }

  private static double maxDifference(float[][] a, float[][] b) {
    if (a.length != b.length) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    for (int row = 0; row < a.length; row++) {
      if (a[row].length != b[row].length) {
        return Double.POSITIVE_INFINITY;
      }
      for (int i = 0; i < a[row].length; i++) {
        double difference = Math.abs((double) a[row][i] - b[row][i]);
        // NaN compares false: a NaN component must fail the check, not pass it.
        max =
            difference <= max
                ? max
                : (Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference);
      }
    }
    return max;
  }

  /**
   * What else decides which kernels ONNX Runtime picks: the architecture and, on Linux, the CPU
   * model (AVX2 and AVX-512 machines run different kernels), so a cache shared across a cluster's
   * nodes checks each kind of node once.
   */
  private static String machine() {
    String cpu = "unknown cpu";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu =
          lines
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException | UncheckedIOException e) {
      // Not Linux: the architecture alone.
    }
    return System.getProperty("os.arch") + " " + cpu;
  }

  /** The kept verdict, or null when there is none or it cannot be read. */
  private static Verdict read(Path entry) {
    if (!Files.isRegularFile(entry)) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(entry.toFile());
      if (node.path("agrees").isBoolean() && node.hasNonNull("max_abs_difference")) {
        return new Verdict(
            node.get("agrees").booleanValue(), node.get("max_abs_difference").asDouble(), entry);
      }
    } catch (IOException e) {
      LOG.debug("ignoring unreadable engine check {}: {}", entry, e.getMessage());
    }
    return null;
  }
}
