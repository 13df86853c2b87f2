package org.sycolab.cli;

import java.lang.reflect.Method;
import java.util.List;
import org.sycolab.engine.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The config a {@code sycolab} command makes of a command line, without running it: what its {@code
 * config()} method builds from the parsed options.
 */
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
    Method config = command.getClass().getDeclaredMethod("config");
    config.setAccessible(true);
    return config.invoke(command);
  }
}
