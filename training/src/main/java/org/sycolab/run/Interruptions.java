package org.sycolab.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks the runs still in progress {@code interrupted} when the process is asked to stop (Ctrl-C,
 * SIGTERM), and prints one line for each: its manifest, and how to go on. One JVM shutdown hook
 * serves every run watched; a run that ended is no longer touched.
 */
public final class Interruptions {

  private static final Map<Execution, Watch> WATCHED = new LinkedHashMap<>();
  private static boolean hooked;

  private Interruptions() {}

  /** What to print for a run when it is interrupted. */
  private record Watch(String command, String next, PrintWriter err) {}

  /**
   * Watches {@code run} of {@code command} until it ends.
   *
   * @param next what to do after an interruption (e.g. the resume command); null for nothing
   * @param err where the line goes
   */
  public static synchronized void watch(
      Execution run, String command, String next, PrintWriter err) {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(Interruptions::markAll, "sycolab-interrupt"));
      hooked = true;
    }
    WATCHED.put(run, new Watch(command, next, err));
  }

  /** Stops watching {@code run}: it ended, or the command that started it returned. */
  public static synchronized void forget(Execution run) {
    WATCHED.remove(run);
  }

  /** Marks every run still in progress interrupted, latest first, one line each. */
  static synchronized void markAll() {
    List<Map.Entry<Execution, Watch>> runs = new ArrayList<>(WATCHED.entrySet());
    for (int i = runs.size() - 1; i >= 0; i--) {
      Execution run = runs.get(i).getKey();
      Watch watch = runs.get(i).getValue();
      if (run.interrupt()) {
        watch
            .err()
            .println(
                "sycolab "
                    + watch.command()
                    + ": interrupted; "
                    + run.directory().path().resolve(RunManifest.FILE_NAME)
                    + " says so"
                    + (watch.next() == null ? "" : "; " + watch.next()));
        watch.err().flush();
      }
    }
    WATCHED.clear();
  }
}
