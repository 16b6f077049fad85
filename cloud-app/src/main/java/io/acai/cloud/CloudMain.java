package io.acai.cloud;

import picocli.CommandLine;

/**
 * Entry point of cloud-app.jar: a cloud run ({@link CloudCommand}). Missing or bad arguments
 * print the usage, listing the positional arguments in order, and exit with code 2.
 */
public final class CloudMain {

    private CloudMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code. */
    public static int run(String[] args) {
        return new CommandLine(new CloudCommand()).execute(args);
    }
}
