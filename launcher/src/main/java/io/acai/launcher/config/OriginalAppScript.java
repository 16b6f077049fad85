package io.acai.launcher.config;

import io.acai.launcher.plan.Role;
import io.acai.options.MachineName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A machine's command line that runs one of the original project's two app scripts, {@value #CLOUD_SCRIPT}
 * {@code <port> <log> <csv>} and {@value #EDGE_SCRIPT}
 * {@code <cloud host> <port> <inference log> <update log> <inference csv> <update csv> <rate> [<edge id>]}, as its
 * configs write them: {@code "command": ["/bin/sh"], "args": ["-c", "python3 /app/<script> ..."]}, or with
 * {@code python3} and the script as the command and the arguments as {@code args}. Their positional arguments are
 * this project's apps' positional arguments, so the local runtime runs {@code cloud-app.jar} or
 * {@code edge-app.jar} with them ({@link #projectArgs}): paths reduced to file names, so that the files land in the
 * machine's folder {@code logs/<machine>/}, and an edge id that is not a machine name (the original's {@code 0},
 * {@code 1}, ...) or a missing one replaced by the machine's name.
 *
 * @param script the script's file name
 * @param positional the arguments after the script
 */
record OriginalAppScript(String script, List<String> positional) {

    static final String CLOUD_SCRIPT = "cloud_yolo_train_update.py";
    static final String EDGE_SCRIPT = "edge_yolo_inference.py";
    /** Where the original's apps write their logs and CSVs, relative to their working directory ({@code /app}). */
    static final String LOGS = "logs";

    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash");
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
    /** Characters after which a {@code sh -c} string is more than one plain command line. */
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|<>$`'\"()*?\\\\\\n]");

    /** The script a machine of {@code role} runs, when its command line is one of the original's two. */
    static Optional<OriginalAppScript> find(Role role, List<String> command, List<String> args) {
        List<String> words = new ArrayList<>(command);
        words.addAll(args);
        if (words.size() == 3 && SHELLS.contains(fileName(words.get(0))) && words.get(1).equals("-c")) {
            String line = words.get(2).strip();
            if (SHELL_SYNTAX.matcher(line).find()) {
                return Optional.empty();
            }
            words = List.of(line.split("\\s+"));
        }
        int at = 0;
        if (at < words.size() && PYTHON.matcher(fileName(words.get(at))).matches()) {
            at++;
            while (at < words.size() && words.get(at).startsWith("-")) {
                at++;
            }
        }
        if (at >= words.size()) {
            return Optional.empty();
        }
        String script = fileName(words.get(at));
        String expected = role == Role.CLOUD ? CLOUD_SCRIPT : EDGE_SCRIPT;
        if (!script.equals(expected)) {
            return Optional.empty();
        }
        return Optional.of(new OriginalAppScript(script, List.copyOf(words.subList(at + 1, words.size()))));
    }

    boolean isCloud() {
        return script.equals(CLOUD_SCRIPT);
    }

    /** What is wrong with the number of arguments for this project's app, or empty when it is right. */
    Optional<String> countProblem() {
        int n = positional.size();
        if (isCloud() && n != 3) {
            return Optional.of("runs the original's " + script + " with " + n + " arguments (expected: 3, <port> <log> <csv>,"
                    + " which cloud-app.jar takes too)");
        }
        if (!isCloud() && n != 7 && n != 8) {
            return Optional.of("runs the original's " + script + " with " + n + " arguments (expected: 7 or 8, <cloud host>"
                    + " <port> <inference log> <update log> <inference csv> <update csv> <rate> [<edge id>], which"
                    + " edge-app.jar takes too)");
        }
        return Optional.empty();
    }

    /** The cloud's port as the script's first argument gives it, when it is a port. */
    Optional<Integer> cloudPort() {
        if (!isCloud() || positional.isEmpty() || !positional.get(0).matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(positional.get(0));
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    /** The arguments of this project's app for machine {@code name}; {@link #countProblem()} must be empty. */
    List<String> projectArgs(String name) {
        List<String> out = new ArrayList<>();
        if (isCloud()) {
            out.add(positional.get(0));
            out.add(fileName(positional.get(1)));
            out.add(fileName(positional.get(2)));
            return out;
        }
        out.add(positional.get(0));
        out.add(positional.get(1));
        for (String file : positional.subList(2, 6)) {
            out.add(fileName(file));
        }
        out.add(positional.get(6));
        out.add(positional.size() == 8 && MachineName.isValid(positional.get(7)) ? positional.get(7) : name);
        return out;
    }

    private static String fileName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
