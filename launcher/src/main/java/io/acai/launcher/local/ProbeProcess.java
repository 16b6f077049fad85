package io.acai.launcher.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@link LinkProbe} JVM inside a namespace, started ahead of use: its output is collected by a
 * reader thread and {@link #awaitReady} waits for its {@code ready} line.
 */
final class ProbeProcess {

    private final String label;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final StringBuilder output = new StringBuilder();

    private ProbeProcess(String label, Process process) {
        this.label = label;
        this.process = process;
    }

    static ProbeProcess start(String label, List<String> command, TeardownLedger ledger) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ledger.record(TeardownLedger.Kind.PROCESS, process.pid() + ":" + TeardownLedger.startMillis(process.toHandle()));
        ProbeProcess probe = new ProbeProcess(label, process);
        Thread reader = new Thread(probe::readOutput, "acai-probe-" + label);
        reader.setDaemon(true);
        reader.start();
        return probe;
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.equals("ready")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the probe was stopped
        }
        ready.countDown();
    }

    void awaitReady(long seconds) throws IOException {
        try {
            if (!ready.await(seconds, TimeUnit.SECONDS) || !process.isAlive()) {
                throw new IOException("link probe " + label + " did not start: " + output().strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting link probe " + label, e);
        }
    }

    /** Sends the go line and returns everything the probe printed once it has exited. */
    String go(long timeoutSeconds) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("link probe " + label + " did not finish in " + timeoutSeconds + " s: " + output().strip());
            }
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring " + label, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("link probe " + label + " failed (exit " + process.exitValue() + "): " + output().strip());
        }
        return output();
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    void stop() {
        TeardownLedger.stop(process.toHandle());
    }
}
