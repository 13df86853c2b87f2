package org.sycolab.cli;

import ai.djl.Device;
import java.util.List;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.engine.DeviceUnavailableException;
import org.sycolab.engine.EngineUnavailableException;
import org.sycolab.engine.PyTorchRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code sycolab} command: global options shared by every subcommand. */
@Command(
    name = "sycolab",
    mixinStandardHelpOptions = true,
    versionProvider = SycolabCommand.ShortVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Reward-model experiments on sycophancy, on DJL and PyTorch.",
    description = {
      "Trains an 'agreeable' and a 'grounded' reward head on a frozen local model and measures how"
          + " far approval-weighted reward pulls selected answers away from the truth.",
      ""
    },
    subcommands = {
      VersionCommand.class,
      DoctorCommand.class,
      GenerateCommand.class,
      ImportCommand.class,
      ValidateCommand.class,
      StatsCommand.class,
      EmbedCommand.class,
      ScoreCommand.class,
      LogprobCommand.class,
      TrainCommand.class,
      HeadsCommand.class,
      PullCommand.class,
      RunCommand.class,
      ReportCommand.class
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  success",
      "  1  problems found (doctor, validate) or the command failed",
      "  2  bad usage, or a --device that is not available",
      "  130, 143  interrupted by Ctrl-C or SIGTERM; the run's manifest says interrupted",
      "",
      "Run 'sycolab COMMAND --help' for a command's options. Docs: README.md."
    })
public final class SycolabCommand implements Runnable {

  @Spec private CommandSpec spec;

  private final BuildInfo build;
  private final List<String> arguments;

  @Option(
      names = "--device",
      scope = ScopeType.INHERIT,
      paramLabel = "DEVICE",
      converter = DeviceSpecConverter.class,
      defaultValue = "auto",
      description =
          "auto, cpu, cuda or cuda:N (default: ${DEFAULT-VALUE}: the first GPU when PyTorch can"
              + " use one, else the CPU). Asking for cuda where none is usable exits with 2.")
  private DeviceSpec device = DeviceSpec.AUTO;

  @Option(
      names = "--engine",
      scope = ScopeType.INHERIT,
      paramLabel = "ENGINE",
      converter = EncoderEngineConverter.class,
      defaultValue = "auto",
      description =
          "What runs an encoder's forward pass: auto, pytorch or onnxruntime (default:"
              + " ${DEFAULT-VALUE}: ONNX Runtime for a BERT encoder on the CPU, two to three times"
              + " as fast there; PyTorch for everything else and on CUDA). Both give the same"
              + " vectors within 1e-4 and share the feature cache.")
  private EncoderEngine engine = EncoderEngine.AUTO;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Say more: -v shows DJL's own messages, -vv debug logs and stack traces.")
  private boolean[] verbose = new boolean[0];

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print errors and results only: no progress, no warnings.")
  private boolean quiet;

  private Device resolvedDevice;

  SycolabCommand(BuildInfo build, List<String> arguments) {
    this.build = build;
    this.arguments = List.copyOf(arguments);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What this build was compiled against. */
  BuildInfo build() {
    return build;
  }

  /** The arguments as given, for the manifest. */
  List<String> arguments() {
    return arguments;
  }

  /** The device the user asked for. */
  DeviceSpec deviceSpec() {
    return device;
  }

  /** The engine the user asked for. */
  EncoderEngine engine() {
    return engine;
  }

  /** The verbosity from {@code -v} and {@code -q}. */
  Verbosity verbosity() {
    return Verbosity.of(verbose.length, quiet);
  }

  /** True when both -v and -q were given. */
  boolean verbosityConflict() {
    return quiet && verbose.length > 0;
  }

  /**
   * The device to compute on, loading the PyTorch engine on first use.
   *
   * @throws DeviceUnavailableException when the device asked for is not usable
   * @throws EngineUnavailableException when PyTorch cannot be loaded
   */
  Device device() throws DeviceUnavailableException, EngineUnavailableException {
    if (resolvedDevice == null) {
      resolvedDevice = PyTorchRuntime.device(device);
    }
    return resolvedDevice;
  }

  /** {@code sycolab --version}: versions known without loading native code. */
  static final class ShortVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo b = BuildInfo.load();
      return new String[] {
        "sycolab "
            + b.sycolabVersion()
            + " (DJL "
            + b.djlVersion()
            + ", PyTorch "
            + b.pytorchVersion()
            + ", "
            + b.pytorchFlavor()
            + ")"
      };
    }
  }
}
