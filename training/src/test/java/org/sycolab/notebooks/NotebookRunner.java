package org.sycolab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Runs the Java code cells of a Jupyter notebook, in order, through JShell in this JVM (so the
 * notebook sees this JVM's classpath and system properties), the way the IJava kernel runs them.
 * Lines that start with a magic ({@code %classpath}, {@code %%loadFromPOM}: one or two {@code %}
 * and a letter) are IJava's and are left out. The first snippet that does not compile or throws
 * fails the run with an {@link AssertionError} naming the notebook, the cell and the snippet.
 */
final class NotebookRunner {

  private static final Pattern MAGIC = Pattern.compile("\\s*%%?[A-Za-z]");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Snippets whose value a notebook shows when they end a cell: expressions, variable names. */
  private static final Set<Snippet.SubKind> SHOWN =
      EnumSet.of(Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND, Snippet.SubKind.VAR_VALUE_SUBKIND);

  /**
   * A code cell.
   *
   * @param number the cell's place among all the notebook's cells, from 1, as Jupyter shows them
   * @param source its code without magic lines
   */
  record Cell(int number, String source) {}

  private NotebookRunner() {}

  /** The code cells of {@code notebook}, in order, without their magic lines. */
  static List<Cell> codeCells(Path notebook) throws IOException {
    JsonNode cells = JSON.readTree(notebook.toFile()).path("cells");
    if (!cells.isArray()) {
      throw new IOException(notebook + ": no \"cells\" array; not a notebook");
    }
    List<Cell> code = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      JsonNode cell = cells.get(i);
      if (cell.path("cell_type").asText().equals("code")) {
        code.add(new Cell(i + 1, withoutMagics(text(cell.path("source")))));
      }
    }
    return code;
  }

  /** A cell's source: a string, or a list of lines that each keep their line end. */
  private static String text(JsonNode source) {
    if (!source.isArray()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  private static String withoutMagics(String source) {
    return source
        .lines()
        .filter(line -> !MAGIC.matcher(line).lookingAt())
        .collect(Collectors.joining("\n"));
  }

  /** Runs every code cell of {@code notebook} in a fresh JShell. */
  static void run(Path notebook) throws IOException {
    List<Cell> cells = codeCells(notebook);
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      for (Cell cell : cells) {
        String remaining = cell.source();
        while (!remaining.isBlank()) {
          SourceCodeAnalysis.CompletionInfo info =
              shell.sourceCodeAnalysis().analyzeCompletion(remaining);
          if (info.completeness() == Completeness.EMPTY) {
            break;
          }
          if (!info.completeness().isComplete() && info.completeness() != Completeness.UNKNOWN) {
            throw failure(notebook, cell, remaining, "is incomplete", null);
          }
          String snippet = info.completeness() == Completeness.UNKNOWN ? remaining : info.source();
          remaining = info.completeness() == Completeness.UNKNOWN ? "" : info.remaining();
          for (SnippetEvent event : shell.eval(snippet)) {
            check(shell, event, notebook, cell, snippet);
            if (event.causeSnippet() == null
                && remaining.isBlank()
                && SHOWN.contains(event.snippet().subKind())) {
              System.out.println(event.value()); // the cell's value, as Jupyter shows it
            }
          }
        }
      }
    }
  }

  /** Fails on a snippet that threw or did not compile; updates to other snippets pass. */
  private static void check(
      JShell shell, SnippetEvent event, Path notebook, Cell cell, String snippet) {
    if (event.causeSnippet() != null) {
      return;
    }
    if (event.exception() != null) {
      Exception e = event.exception();
      String type =
          e instanceof EvalException thrown
              ? thrown.getExceptionClassName()
              : e.getClass().getName();
      throw failure(notebook, cell, snippet, "threw " + type + ": " + e.getMessage(), e);
    }
    if (event.status() != Snippet.Status.VALID) {
      String diagnostics =
          shell
              .diagnostics(event.snippet())
              .map(d -> d.getMessage(Locale.ROOT))
              .collect(Collectors.joining("\n  "));
      throw failure(
          notebook,
          cell,
          snippet,
          "does not compile (" + event.status() + "):\n  " + diagnostics,
          null);
    }
  }

  private static AssertionError failure(
      Path notebook, Cell cell, String snippet, String what, Throwable cause) {
    return new AssertionError(
        notebook.getFileName()
            + ", cell "
            + cell.number()
            + ": the snippet\n"
            + snippet.strip()
            + "\n"
            + what,
        cause);
  }
}
