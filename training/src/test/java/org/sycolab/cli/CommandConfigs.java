package org.sycolab.cli;

import java.lang.reflect.Method;
import java.util.List;
import org.sycolab.engine.BuildInfo;
import org.sycolab.stage.DiagnoseConfig;
import org.sycolab.stage.ImportConfig;
import org.sycolab.stage.ReportConfig;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The config a {@code sycolab} command makes of a command line, without running it. */
final class CommandConfigs {

  private CommandConfigs() {}

  /** Parses {@code commandLine} (after the global options) and builds its command's config. */
  static Object of(List<String> commandLine) throws Exception {
    String[] args = commandLine.toArray(String[]::new);
    CommandLine parser = new CommandLine(new SycolabCommand(BuildInfo.load(), List.of(args)));
    parser.setCaseInsensitiveEnumValuesAllowed(true);
    ParseResult parsed = parser.parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    Object command = parsed.commandSpec().userObject();
    if (command instanceof HeadsDiagnoseCommand d) {
      return new DiagnoseConfig(
          d.headDirs,
          d.pairsFile,
          d.poolsFile,
          d.split.selected(),
          d.backboneOptions.model,
          d.backboneOptions.batchSize.value,
          d.output.out);
    }
    if (command instanceof ReportCommand r) {
      return new ReportConfig(r.runDirectory);
    }
    if (command instanceof ImportCommand i) {
      return new ImportConfig(i.format, i.label, i.inputs, i.output.out);
    }
    Method config = command.getClass().getDeclaredMethod("config");
    config.setAccessible(true);
    return config.invoke(command);
  }
}
