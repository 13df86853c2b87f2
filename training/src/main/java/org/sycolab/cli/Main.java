package org.sycolab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.PyTorchRuntime;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Entry point of the {@code sycolab} command. */
public final class Main {

  private Main() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /** A usage error: the message, close matches for a typo, and where to find help; exit 2. */
  private static int reportUsageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("sycolab: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
    err.flush();
    return ExitCode.USAGE;
  }

  /** Runs the command with the given streams and returns its exit status (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    BuildInfo build = BuildInfo.load();
    PyTorchRuntime.configureOfflineMode(build);
    SycolabCommand root = new SycolabCommand(build, Arrays.asList(args));
    CommandLine commandLine = new CommandLine(root);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionStrategy(
        parseResult -> {
          if (root.verbosityConflict()) {
            throw new ParameterException(commandLine, "-v and -q cannot be used together");
          }
          // Logging is configured here, after parsing and before any logger exists.
          root.verbosity().applyToLogging();
          return new CommandLine.RunLast().execute(parseResult);
        });
    commandLine.setExecutionExceptionHandler(new ErrorReporter(root));
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }
}
