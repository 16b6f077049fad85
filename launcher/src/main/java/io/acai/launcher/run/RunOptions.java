package io.acai.launcher.run;

import java.io.PrintStream;

/**
 * How a run talks to its user.
 *
 * @param quiet no live status (start, end and crash messages still appear)
 * @param interactive the output is a terminal: the status is redrawn in place every second; otherwise
 *     it is printed once per sample period
 * @param out status and messages
 * @param err problems (crashed machines)
 */
public record RunOptions(boolean quiet, boolean interactive, PrintStream out, PrintStream err) {

    /** Options for the launcher's own console: interactive when a terminal is attached. */
    public static RunOptions console(boolean quiet) {
        return new RunOptions(quiet, System.console() != null, System.out, System.err);
    }
}
