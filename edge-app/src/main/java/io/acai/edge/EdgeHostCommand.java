package io.acai.edge;

import io.acai.records.RunFileWriteException;
import io.acai.records.csv.CsvHeaderException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edge-app.jar host FILE}: an edge host, several edges in one JVM. Each line of {@link HostFile} is one member's
 * command line, read by the same {@link EdgeCommand} as {@code edge-app.jar} alone, so a member takes exactly the
 * arguments and options of a lone edge; each member must name its edge id, and no two members may share an id or an
 * output file. Each runs as its own {@link EdgeApp}: its own files, its own connection to the cloud (from its own
 * address with {@code --bind}), its threads named with its edge id. They share the JVM: its heap, its garbage collector
 * and compiler, OpenCV's natives and thread pool, and the process's CPU and memory limits.
 *
 * <p>The members start one after another. The host ends when every member's {@code --duration} has passed, with exit
 * code 0; a member that ends early (a fault, a refusal by the cloud), or one that cannot start, ends the host: every
 * member is closed and the host exits with that member's exit code, the one the lone edge would have given. A bad line
 * is a usage error (exit code 2) naming the file and the line, before any member starts.
 */
@Command(name = "edge-app.jar host", mixinStandardHelpOptions = true,
        description = "An edge host: several edges in one JVM, each with its own files and its own connection to the "
                + "cloud.")
public final class EdgeHostCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeHostCommand.class);

    @Parameters(index = "0", paramLabel = "FILE", description = "one member per line: a JSON array of strings, the "
            + "arguments edge-app.jar takes for that edge alone (blank lines and lines starting with # are skipped)")
    Path file;

    @Spec
    CommandSpec spec;

    /** Runs the host and returns its exit code. */
    static int run(String[] args) {
        return new CommandLine(new EdgeHostCommand()).execute(args);
    }

    /** A started member: its edge id and its edge. */
    private record Member(String edgeId, EdgeApp app) {
    }

    @Override
    public Integer call() throws Exception {
        List<EdgeLaunch> launches = launches();
        List<Member> members = new ArrayList<>();
        Thread hook = new Thread(() -> closeAll(members), "acai-edge-host-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (EdgeLaunch launch : launches) {
                String id = launch.config().edgeId();
                try {
                    EdgeApp app = launch.start();
                    synchronized (members) {
                        members.add(new Member(id, app));
                    }
                } catch (CsvHeaderException | RunFileWriteException e) {
                    closeAll(members);
                    return EdgeCommand.startOrCloseFailed(prefix(id), e);
                } catch (IOException | RuntimeException e) {
                    closeAll(members);
                    throw e;
                }
            }
            LOG.info("edge host: {} members started", members.size());
            Optional<Member> ended = awaitFirstEnding(members);
            Optional<String> fault = ended.flatMap(m -> m.app().failure().reason());
            Optional<String> refusal = ended.flatMap(m -> m.app().refusal());
            int closing = closeAll(members);
            if (ended.isPresent()) {
                return EdgeCommand.ended(prefix(ended.get().edgeId()), fault, refusal);
            }
            return closing;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already; the hook closes the members
            }
        }
    }

    /** Every line read and checked, before anything starts. */
    private List<EdgeLaunch> launches() {
        List<HostFile.Line> lines;
        try {
            lines = HostFile.read(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "FILE : cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        List<EdgeLaunch> launches = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<Path, Integer> outputs = new HashMap<>();
        for (HostFile.Line line : lines) {
            EdgeLaunch launch = launch(line);
            EdgeConfig config = launch.config();
            Integer other = ids.putIfAbsent(config.edgeId(), line.number());
            if (other != null) {
                throw bad(line, "<edge id> : '" + config.edgeId() + "' is line " + other + "'s too (expected: an id of "
                        + "its own for each member)");
            }
            for (Path output : List.of(config.inferenceLog(), config.updateLog(), config.inferenceCsv(),
                    config.updateCsv())) {
                other = outputs.putIfAbsent(output.toAbsolutePath().normalize(), line.number());
                if (other != null) {
                    throw bad(line, output + " is written by line " + other + " too (expected: files of its own "
                            + "for each member, with --work-dir or paths of their own)");
                }
            }
            launches.add(launch);
        }
        return launches;
    }

    /** One line through the lone edge's command line. */
    private EdgeLaunch launch(HostFile.Line line) {
        EdgeCommand edge = new EdgeCommand();
        CommandLine command = new CommandLine(edge);
        try {
            CommandLine.ParseResult parsed = command.parseArgs(line.args().toArray(String[]::new));
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
                throw bad(line, "--help and --version do not start an edge (expected: an edge's arguments)");
            }
            if (edge.edgeId == null) {
                throw bad(line, "<edge id> : not given (expected: each member names its edge id, the eighth "
                        + "argument; the members share one environment and host name)");
            }
            return edge.launch();
        } catch (ParameterException e) {
            if (e.getCommandLine() == spec.commandLine()) {
                throw e;
            }
            throw bad(line, e.getMessage());
        }
    }

    private ParameterException bad(HostFile.Line line, String message) {
        return new ParameterException(spec.commandLine(), file + ":" + line.number() + ": " + message);
    }

    /**
     * Waits until every member's duration has passed (empty) or one member ended early: a fault or the cloud's
     * refusal (that member).
     */
    private static Optional<Member> awaitFirstEnding(List<Member> members) throws InterruptedException {
        ExecutorService waiting = Executors.newFixedThreadPool(members.size(), r -> {
            Thread t = new Thread(r, "acai-edge-host-wait");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Member> done = new ExecutorCompletionService<>(waiting);
            for (Member member : members) {
                done.submit(() -> {
                    member.app().awaitDuration();
                    return member;
                });
            }
            for (int i = 0; i < members.size(); i++) {
                Member member;
                try {
                    member = done.take().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("waiting for a member failed", e.getCause());
                }
                if (member.app().failure().reason().isPresent() || member.app().refusal().isPresent()) {
                    return Optional.of(member);
                }
            }
            return Optional.empty();
        } finally {
            waiting.shutdownNow();
        }
    }

    /**
     * Closes every member, newest first; returns 0, or the exit code of the first member whose files failed to
     * close (said on stderr).
     */
    private static int closeAll(List<Member> members) {
        List<Member> open;
        synchronized (members) {
            open = new ArrayList<>(members);
            members.clear();
        }
        int code = 0;
        for (int i = open.size() - 1; i >= 0; i--) {
            Member member = open.get(i);
            try {
                member.app().close();
            } catch (RunFileWriteException e) {
                int failed = EdgeCommand.startOrCloseFailed(prefix(member.edgeId()), e);
                code = code == 0 ? failed : code;
            } catch (IOException | RuntimeException e) {
                LOG.error("closing {} failed", member.edgeId(), e);
                code = code == 0 ? io.acai.options.AppExitCode.FAILED.code() : code;
            }
        }
        return code;
    }

    private static String prefix(String edgeId) {
        return "edge-app host: " + edgeId + ": ";
    }
}
