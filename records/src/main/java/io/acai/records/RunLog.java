package io.acai.records;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

/**
 * A human-readable log file (the cloud's log, an edge's inference or update log): one line per event,
 * {@code <ISO-8601 UTC time> <LEVEL> <text>}, where LEVEL is {@code INFO}, {@code WARN} or {@code METRIC} (a
 * measured value, {@code name=value} pairs), as the original's logs. Lines are flushed as written, so a
 * killed process loses nothing. An existing file is appended to, so a restarted app carries on its log; a last
 * line a killed process left without its line end is ended first, so the next line starts on a line of its own.
 * A failed write throws a {@link RunFileWriteException} and tells the {@link WriteFailureListener} first.
 * Thread-safe.
 *
 * <p>How the project logs: a run log is a run file, part of what an experiment leaves like its CSVs (the
 * report and the notebook parse its lines), and {@code RunLog} is the only way the apps write one. Everything
 * else, diagnostics of the apps, the launcher and the libraries (a failed close, a relay that refuses a
 * connection, DJL's engine loading), goes through SLF4J, the one logging API in the code; each runnable jar
 * binds it to slf4j-simple writing to stderr in one format set in its {@code simplelogger.properties}
 * ({@code <time> <LEVEL> <logger> - <text>}), and the launcher captures an app's stderr in its
 * {@code stdout.log}. A command's own output (the launcher's status board and errors, {@code detect}'s JSON
 * lines, {@code validate}, usage errors) stays on stdout and stderr.
 */
public final class RunLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;
    private final Clock clock;
    private final WriteFailureListener failures;

    private RunLog(Path file, BufferedWriter out, Clock clock, WriteFailureListener failures) {
        this.file = file;
        this.out = out;
        this.clock = clock;
        this.failures = failures;
    }

    /** Appends to {@code file}, creating it and its folder. */
    public static RunLog open(Path file) throws IOException {
        return open(file, WriteFailureListener.NONE);
    }

    /** Appends to {@code file}, creating it and its folder; a failed write is told to {@code failures} first. */
    public static RunLog open(Path file, WriteFailureListener failures) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean cutShort = LineEnd.missingAtEnd(file);
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (cutShort) {
            out.newLine();
            out.flush();
        }
        return new RunLog(file, out, Clock.systemUTC(), failures);
    }

    /** The file this log appends to. */
    public Path file() {
        return file;
    }

    public void info(String text) {
        write("INFO", text);
    }

    public void warn(String text) {
        write("WARN", text);
    }

    /** A measured value, for example {@code metric("retrain", "seconds=12.3 images=50")}. */
    public void metric(String name, String values) {
        write("METRIC", name + " " + values);
    }

    private synchronized void write(String level, String text) {
        try {
            out.write(Instant.now(clock) + " " + level + " " + text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            RunFileWriteException failure = new RunFileWriteException(file, e);
            failures.writeFailed(failure);
            throw failure;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
