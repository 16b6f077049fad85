package io.acai.launcher.report;

import java.nio.file.Path;

/**
 * Child JVM for {@link ReportCommandTest}: writes the report of {@code args[0]} from a shutdown hook, as the launcher
 * does after Ctrl-C, without anything having touched ImageIO before.
 */
final class ReportOnShutdown {

    private ReportOnShutdown() {
    }

    public static void main(String[] args) {
        Path logs = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ReportCommand.run(logs)));
    }
}
