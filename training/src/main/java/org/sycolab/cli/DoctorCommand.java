package org.sycolab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sycolab.backbone.BuiltinModel;
import org.sycolab.cli.doctor.AllocatorCheck;
import org.sycolab.cli.doctor.CacheCheck;
import org.sycolab.cli.doctor.Check;
import org.sycolab.cli.doctor.CheckResult;
import org.sycolab.cli.doctor.CudaCheck;
import org.sycolab.cli.doctor.DefaultModelCheck;
import org.sycolab.cli.doctor.JavaCheck;
import org.sycolab.cli.doctor.OnnxRuntimeCheck;
import org.sycolab.cli.doctor.PyTorchCheck;
import org.sycolab.cli.doctor.TokenizerCheck;
import org.sycolab.engine.CacheLocation;
import org.sycolab.engine.DeviceUnavailableException;
import org.sycolab.engine.EngineUnavailableException;
import org.sycolab.run.Execution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sycolab doctor}: checks everything sycolab needs and says plainly what is wrong. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check the environment: Java, the PyTorch native library, the tokenizers library, ONNX"
          + " Runtime, the embedded default model, CUDA (against --device), the cache directory"
          + " and the allocator.",
      "Exits with 1 when any check fails. With --out, also writes doctor.json and a manifest, to"
          + " attach to a bug report."
    })
final class DoctorCommand extends BaseCommand {

  @Mixin OutputOptions output;

  @Override
  protected boolean checksDeviceFirst() {
    return false;
  }

  @Override
  protected int execute() throws Exception {
    List<Check> checks =
        List.of(
            new JavaCheck(),
            new PyTorchCheck(root().build()),
            new TokenizerCheck(),
            new OnnxRuntimeCheck(),
            new DefaultModelCheck(BuiltinModel.defaultModel()),
            new CudaCheck(root().deviceSpec()),
            new CacheCheck(CacheLocation.root()),
            new AllocatorCheck());
    List<CheckResult> results = new ArrayList<>();
    PrintWriter out = out();
    for (Check check : checks) {
      CheckResult result = check.run();
      results.add(result);
      print(out, result);
    }
    long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).count();
    long warned = results.stream().filter(r -> r.status() == CheckResult.Status.WARN).count();
    out.println(summary(failed, warned));
    if (output.given()) {
      Execution run = startRun(output.open("doctor"), Map.of(), Map.of(), deviceForManifest());
      byte[] json =
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(results);
      run.writeOutput("doctor.json", o -> o.write(json));
      run.complete();
      out.println("wrote " + run.directory().path().resolve("doctor.json"));
    }
    return failed > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
  }

  /** The resolved device when it resolves; otherwise what was asked for, marked unavailable. */
  private String deviceForManifest() {
    try {
      return VersionCommand.describe(root().device());
    } catch (DeviceUnavailableException | EngineUnavailableException e) {
      return root().deviceSpec() + " (unavailable)";
    }
  }

  private static void print(PrintWriter out, CheckResult result) {
    String mark =
        switch (result.status()) {
          case OK -> "ok  ";
          case WARN -> "WARN";
          case FAIL -> "FAIL";
        };
    out.printf(Locale.ROOT, "%s  %-14s %s%n", mark, result.name(), result.detail());
    if (!result.fix().isEmpty()) {
      out.printf(Locale.ROOT, "      %-14s fix: %s%n", "", result.fix());
    }
    out.flush();
  }

  private static String summary(long failed, long warned) {
    if (failed == 0 && warned == 0) {
      return "All checks passed.";
    }
    if (failed == 0) {
      return warned + " warning(s); sycolab can run.";
    }
    return failed + " check(s) failed" + (warned > 0 ? ", " + warned + " warning(s)" : "") + ".";
  }
}
