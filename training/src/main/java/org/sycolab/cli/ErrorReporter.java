package org.sycolab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.engine.DeviceUnavailableException;
import org.sycolab.engine.EngineUnavailableException;
import org.sycolab.experiment.StageFailedException;
import org.sycolab.heads.TrainingDivergedException;
import org.sycolab.pull.InvalidScoresException;
import org.sycolab.report.InvalidRunException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on standard error and an exit status; the stack
 * trace only with {@code -vv}, as README and {@code --help} say, and a hint naming {@code -vv} for
 * failures that are not the user's to fix. A stage of {@code sycolab run} that failed is named
 * before its cause, and followed by how to resume the run.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  private final SycolabCommand root;

  ErrorReporter(SycolabCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String command = "sycolab " + commandLine.getCommandName();
    Exception cause = e;
    String stage = "";
    String next = null;
    if (e instanceof StageFailedException failed) {
      cause = failed.getCause();
      stage = failed.stage() + ": ";
      next = failed.next();
    }
    err.println(command + ": error: " + stage + describe(cause));
    if (root.verbosity() == Verbosity.DEBUG) {
      cause.printStackTrace(err);
    } else if (!isExpected(cause)) {
      err.println("(run again with -vv for the stack trace)");
    }
    if (next != null) {
      err.println(next);
    }
    err.flush();
    return exitCode(cause);
  }

  static int exitCode(Exception e) {
    if (e instanceof DeviceUnavailableException || e instanceof IllegalArgumentException) {
      return ExitCode.USAGE;
    }
    return ExitCode.PROBLEMS;
  }

  static String describe(Throwable e) {
    if (e instanceof UncheckedIOException u) {
      return describe(u.getCause());
    }
    if (e instanceof NoSuchFileException f) {
      return "no such file or directory: " + f.getFile();
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static boolean isExpected(Exception e) {
    return e instanceof DeviceUnavailableException
        || e instanceof EngineUnavailableException
        || e instanceof IllegalArgumentException
        || e instanceof InvalidDatasetException
        || e instanceof InvalidScoresException
        || e instanceof InvalidRunException
        || e instanceof ModelFormatException
        || e instanceof TrainingDivergedException
        || e instanceof IOException
        || e instanceof UncheckedIOException;
  }
}
