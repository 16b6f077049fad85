package io.acai.edge;

import io.acai.edge.detect.DetectCommand;
import io.acai.options.LauncherWatch;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point of edge-app.jar: {@code detect ...} runs one-shot detection ({@link DetectCommand});
 * {@code host FILE} runs several edges in this JVM ({@link EdgeHostCommand}); anything else is an edge run
 * ({@link EdgeCommand}). Missing or bad arguments print the usage,
 * listing the positional arguments in order, and exit with code 2.
 */
public final class EdgeMain {

    private EdgeMain() {
    }

    public static void main(String[] args) {
        // JavaCPP (which loads OpenCV's natives) logs through SLF4J like the rest of the app, not to System.err
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        // started by the launcher: end when it ends, however it ends (-Dacai.launcher.pid)
        LauncherWatch.fromProperty("edge-app");
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code. */
    public static int run(String[] args) {
        if (args.length > 0 && args[0].equals("detect")) {
            return DetectCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("host")) {
            return EdgeHostCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        return new CommandLine(new EdgeCommand()).execute(args);
    }
}
