package org.sycolab.cli;

import picocli.CommandLine.Command;

/** {@code sycolab heads}: commands on trained heads. */
@Command(
    name = "heads",
    mixinStandardHelpOptions = true,
    description = "Commands on trained reward heads (see the subcommands).",
    subcommands = {HeadsDiagnoseCommand.class})
final class HeadsCommand extends BaseCommand {

  @Override
  protected int execute() {
    spec.commandLine().usage(err());
    return ExitCode.USAGE;
  }
}
