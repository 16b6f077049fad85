package io.acai.cloud;

import io.acai.cloud.pretrain.PretrainCommand;
import io.acai.cloud.train.TrainCommand;
import io.acai.options.AllocatorEnvironment;
import io.acai.options.LauncherWatch;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of cloud-app.jar: {@code train ...} and {@code pretrain ...} run offline training
 * ({@link TrainCommand}, {@link PretrainCommand}); anything else is a cloud run
 * ({@link CloudCommand}). Missing or bad arguments
 * print the usage, listing the positional arguments in order, and exit with code 2. Started without
 * glibc's allocator settings ({@link AllocatorEnvironment}; the launcher and the images set them), it
 * says so in one line, with the command that sets them.
 */
public final class CloudMain {

    private CloudMain() {
    }

    public static void main(String[] args) {
        // JavaCPP (which loads OpenCV's natives) logs through SLF4J like the rest of the app, not to System.err
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        if (args.length > 0 && !List.of(args).contains("--help") && !List.of(args).contains("-h")) {
            AllocatorEnvironment.notice(System.getenv(), System.getProperty("os.name", ""), "java -jar cloud-app.jar ...")
                    .ifPresent(LoggerFactory.getLogger(CloudMain.class)::warn);
        }
        // started by the launcher: end when it ends, however it ends (-Dacai.launcher.pid)
        LauncherWatch.fromProperty("cloud-app");
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code. */
    public static int run(String[] args) {
        if (args.length > 0 && args[0].equals("train")) {
            return TrainCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("pretrain")) {
            return PretrainCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        return new CommandLine(new CloudCommand()).execute(args);
    }
}
