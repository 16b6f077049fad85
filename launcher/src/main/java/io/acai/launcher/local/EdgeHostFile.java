package io.acai.launcher.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.launcher.plan.MachinePlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The file an edge host reads ({@code edge-app.jar host FILE}): one line per member, a JSON array of strings holding
 * the arguments that member would get alone, then {@code --work-dir <logs>/<member>} (so that its relative file names
 * land in its own folder, as a lone edge's do in its working directory) and {@code --bind <its address>} (so that
 * its connections leave from its own address, which its shaping matches).
 */
final class EdgeHostFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeHostFile() {
    }

    /**
     * The file's lines.
     *
     * @param argsOf a member's arguments as a lone edge would get them (the cloud's address filled in)
     * @param workDirOf a member's folder
     * @param addressOf a member's address in the host's namespace
     */
    static List<String> lines(HostPlan host, Function<MachinePlan, List<String>> argsOf, Function<String, Path> workDirOf,
            Function<String, String> addressOf) {
        List<String> lines = new ArrayList<>();
        for (MachinePlan member : host.members()) {
            List<String> args = new ArrayList<>(argsOf.apply(member));
            args.addAll(List.of("--work-dir", workDirOf.apply(member.name()).toString(), "--bind",
                    addressOf.apply(member.name())));
            try {
                lines.add(JSON.writeValueAsString(args));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write the arguments of " + member.name() + " as JSON", e);
            }
        }
        return lines;
    }

    /** Writes the lines into {@code <host folder>/}{@value HostPlan#FILE} and returns that file. */
    static Path write(Path hostDir, List<String> lines) throws IOException {
        Files.createDirectories(hostDir);
        Path file = hostDir.resolve(HostPlan.FILE);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
