package org.sycolab.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintWriter;
import org.sycolab.backbone.onnx.OnnxEncoderBackbone;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.CudaSupport;
import org.sycolab.engine.PyTorchRuntime;
import picocli.CommandLine.Command;

/**
 * {@code sycolab version}: versions of sycolab, DJL and the loaded PyTorch and ONNX Runtime, and
 * the devices.
 */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = {
      "Print the versions of sycolab, DJL, and the PyTorch and ONNX Runtime native libraries"
          + " actually loaded, and the devices PyTorch can see.",
      "Loads both engines, so it also proves their native libraries work."
    })
final class VersionCommand extends BaseCommand {

  @Override
  protected int execute() throws Exception {
    BuildInfo build = root().build();
    Engine engine = PyTorchRuntime.engine();
    CudaSupport cuda = PyTorchRuntime.cudaSupport(engine);
    Device selected = root().device();
    PrintWriter out = out();
    out.printf("sycolab  %s%n", build.sycolabVersion());
    out.printf("DJL      %s%n", Engine.getDjlVersion());
    out.printf(
        "PyTorch  %s (%s build%s)%n",
        engine.getVersion(),
        cuda.engineHasCuda() ? "CUDA" : "CPU",
        PyTorchRuntime.offline() ? ", offline" : "");
    out.printf("ONNX RT  %s (--engine %s)%n", onnxRuntime(), root().engine().id());
    out.printf(
        "Java     %s (%s)%n", Runtime.version(), System.getProperty("java.vm.vendor", "unknown"));
    out.printf("OS       %s %s%n", System.getProperty("os.name"), System.getProperty("os.arch"));
    out.printf("devices  %s%n", devices(cuda));
    out.printf("selected %s (--device %s)%n", describe(selected), root().deviceSpec());
    return ExitCode.OK;
  }

  /** The loaded ONNX Runtime's version, or why it does not load. */
  private static String onnxRuntime() {
    try {
      return OnnxEncoderBackbone.environment().getVersion() + ", runs encoders on the CPU";
    } catch (RuntimeException | LinkageError e) {
      return "unavailable (" + e + "); encoders run on PyTorch";
    }
  }

  private static String devices(CudaSupport cuda) {
    StringBuilder line = new StringBuilder("cpu");
    if (cuda.usable()) {
      for (int i = 0; i < cuda.visibleGpus(); i++) {
        line.append(", cuda:").append(i);
      }
      line.append(" (CUDA ").append(cuda.cudaVersion()).append(')');
    } else if (cuda.visibleGpus() > 0) {
      line.append(" (")
          .append(cuda.visibleGpus())
          .append(" GPU(s) visible, unusable with this CPU build of PyTorch)");
    } else {
      line.append(" (no CUDA GPU visible)");
    }
    return line.toString();
  }

  static String describe(Device device) {
    return device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu";
  }
}
