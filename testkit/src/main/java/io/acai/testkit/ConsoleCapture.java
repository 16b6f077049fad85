package io.acai.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * What a command printed: it runs with {@code System.out} and {@code System.err} captured, and both streams are
 * restored afterwards, whether it returned or threw.
 */
public record ConsoleCapture(int exitCode, String out, String err) {

    /** Runs {@code command} (which returns an exit code) and keeps what it printed. */
    public static ConsoleCapture run(IntSupplier command) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = command.getAsInt();
            return new ConsoleCapture(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** What {@code action} (logging, say) wrote to {@code System.err}. */
    public static String stderrOf(Runnable action) {
        return run(() -> {
            action.run();
            return 0;
        }).err();
    }
}
