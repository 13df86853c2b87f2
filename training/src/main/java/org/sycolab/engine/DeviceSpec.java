package org.sycolab.engine;

import ai.djl.Device;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device a user asked for with {@code --device}: {@code auto}, {@code cpu}, {@code cuda} or
 * {@code cuda:N}. Resolving it against what the machine offers either gives a DJL {@link Device} or
 * fails with a message saying why and what to do.
 *
 * @param kind auto, cpu or cuda
 * @param index the GPU index for {@code cuda:N}; 0 for plain {@code cuda}, -1 otherwise
 */
public record DeviceSpec(Kind kind, int index) {

  private static final Pattern CUDA = Pattern.compile("cuda(?::(\\d{1,3}))?");

  /** The three ways to choose a device. */
  public enum Kind {
    AUTO,
    CPU,
    CUDA
  }

  /** The default: a GPU when one is usable, otherwise the CPU. */
  public static final DeviceSpec AUTO = new DeviceSpec(Kind.AUTO, -1);

  /** Always the CPU. */
  public static final DeviceSpec CPU = new DeviceSpec(Kind.CPU, -1);

  /** Validates the combination of kind and index. */
  public DeviceSpec {
    if (kind == Kind.CUDA ? index < 0 : index != -1) {
      throw new IllegalArgumentException("bad device index " + index + " for " + kind);
    }
  }

  /**
   * Parses {@code auto}, {@code cpu}, {@code cuda} or {@code cuda:N} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static DeviceSpec parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("auto")) {
      return AUTO;
    }
    if (value.equals("cpu")) {
      return CPU;
    }
    Matcher m = CUDA.matcher(value);
    if (m.matches()) {
      return new DeviceSpec(Kind.CUDA, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
    }
    throw new IllegalArgumentException(
        "expected auto, cpu, cuda or cuda:N (N a GPU index), got '" + text + "'");
  }

  /**
   * Picks the DJL device for this request on a machine with the given CUDA support.
   *
   * @throws DeviceUnavailableException when CUDA is asked for and cannot be used
   */
  public Device resolve(CudaSupport cuda) throws DeviceUnavailableException {
    return switch (kind) {
      case CPU -> Device.cpu();
      case AUTO -> cuda.usable() ? Device.gpu(0) : Device.cpu();
      case CUDA -> resolveCuda(cuda);
    };
  }

  private Device resolveCuda(CudaSupport cuda) throws DeviceUnavailableException {
    String asked = "--device " + this + ": ";
    if (cuda.visibleGpus() == 0) {
      throw new DeviceUnavailableException(
          asked
              + "no CUDA GPU is visible on this machine (no NVIDIA driver or device found);"
              + " use --device cpu or --device auto");
    }
    if (!cuda.engineHasCuda()) {
      throw new DeviceUnavailableException(
          asked
              + cuda.visibleGpus()
              + " GPU(s) visible, but the PyTorch native library in use is a CPU build;"
              + " build with the cuda profile (SYCOLAB_MAVEN_ARGS=-Pcuda scripts/sycolab ...;"
              + " README, 'On a CUDA workstation')");
    }
    if (index >= cuda.visibleGpus()) {
      throw new DeviceUnavailableException(
          asked
              + "only "
              + cuda.visibleGpus()
              + " GPU(s) visible (cuda:0 to cuda:"
              + (cuda.visibleGpus() - 1)
              + ")");
    }
    return Device.gpu(index);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case AUTO -> "auto";
      case CPU -> "cpu";
      case CUDA -> "cuda:" + index;
    };
  }
}
