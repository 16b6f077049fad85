package io.acai.launcher.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code user_config.json} into an {@link ExperimentPlan}. It accepts the original project's
 * format unchanged ({@code machines[]} and {@code connections[]}) and the extensions documented in
 * {@code docs/config.md}. Every problem is collected before it gives up, each named by its JSON
 * path and value; malformed JSON is reported as {@code file:line:column}.
 *
 * <pre>{@code
 * ExperimentPlan plan = UserConfigReader.read(Path.of("user_config.json"), null);
 * }</pre>
 */
public final class UserConfigReader {

    static final List<String> FIELDS = List.of("$schema", "experiment", "runtime", "machines", "connections");

    private static final Logger LOG = LoggerFactory.getLogger(UserConfigReader.class);

    /** Seed of the plan when the config gives none (the apps then use their own defaults). */
    static final long DEFAULT_SEED = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private UserConfigReader() {
    }

    /**
     * The plan of the config {@code file}.
     *
     * @param runtime where the experiment will run, overriding the config's {@code runtime}; null keeps
     *     the config's (local when it says nothing). It decides how paths in app options are checked.
     */
    public static ExperimentPlan read(Path file, RuntimeKind runtime) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, List.of(new ConfigError("", "no such file")));
        } catch (IOException e) {
            throw new ConfigException(file, List.of(new ConfigError("", "cannot be read: " + e.getMessage())));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file, dir, runtime);
    }

    /** The plan of config {@code text}; {@code file} names it in messages, {@code baseDir} resolves relative paths. */
    public static ExperimentPlan parse(String text, Path file, Path baseDir, RuntimeKind runtime) throws ConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? file.toString()
                    : file + ":" + where.getLineNr() + ":" + where.getColumnNr();
            throw new ConfigException(file, List.of(new ConfigError(position, "malformed JSON: " + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(file, List.of(new ConfigError(file + ":1:1", "malformed JSON: the file is empty")));
        }
        ConfigErrors errors = new ConfigErrors(file, JsonLines.of(text));
        ExperimentPlan plan = ConfigNode.of(root, "", errors)
                .map(node -> plan(node, file, baseDir, runtime))
                .orElse(null);
        if (!errors.isEmpty() || plan == null) {
            throw new ConfigException(file, errors.list());
        }
        return plan;
    }

    private static ExperimentPlan plan(ConfigNode root, Path file, Path baseDir, RuntimeKind override) {
        ConfigErrors errors = root.errors();
        root.checkFields(FIELDS);
        RuntimeKind configured = root.choice("runtime", Set.of("local", "kubernetes"), "local or kubernetes")
                .map(r -> r.equals("local") ? RuntimeKind.LOCAL : RuntimeKind.KUBERNETES).orElse(RuntimeKind.LOCAL);
        RuntimeKind runtime = override != null ? override : configured;
        AppPaths paths = new AppPaths(baseDir, runtime);
        ExperimentSettings experiment = ExperimentSettings.read(root.object("experiment"), defaultName(file), paths);

        root.require("machines");
        MachineGroups groups = MachineGroups.expand(root.objects("machines"));
        List<MachineSection> machines = groups.machines().stream()
                .map(entry -> MachineSection.read(entry.node(), entry.group())).toList();
        if (root.isEmptyArray("machines")) {
            errors.add("machines", "[] is empty (expected: one server and at least one client)");
        }
        Map<String, List<MachineSection>> byName = new LinkedHashMap<>();
        Map<String, MachineSection> sections = new LinkedHashMap<>();
        for (MachineSection machine : machines) {
            if (machine.name() != null) {
                byName.computeIfAbsent(machine.name(), n -> new ArrayList<>()).add(machine);
                sections.putIfAbsent(machine.name(), machine);
            }
        }
        byName.forEach((name, same) -> {
            if (same.size() > 1) {
                MachineSection first = same.get(0);
                errors.add(same.get(1).path() + ".name", "\"" + name + "\" is already the name of " + first.path()
                        + (first.group() == null ? "" : " (a member of group " + first.group() + ")")
                        + " (expected: unique names)");
            }
        });
        List<MachineSection> servers = machines.stream().filter(m -> m.role() == Role.CLOUD).toList();
        boolean rolesKnown = machines.stream().allMatch(m -> m.role() != null);
        if (servers.isEmpty() && rolesKnown && !machines.isEmpty()) {
            errors.add("machines", "no machine has category \"server\" (expected: exactly one server, the cloud)");
        } else if (servers.size() > 1) {
            errors.add("machines", String.join(", ", servers.stream().map(m -> m.path() + " (" + m.name() + ")").toList())
                    + " all have category \"server\" (expected: exactly one server, the cloud)");
        }
        int cloudPort = servers.isEmpty() ? MachineSection.DEFAULT_CLOUD_PORT : servers.get(0).portOrDefault();

        HoldoutJudging judging = HoldoutJudging.of(machines.stream()
                .flatMap(m -> m.judgingEdge(cloudPort, experiment, paths).stream()).toList());
        List<MachinePlan> plans = new ArrayList<>();
        for (MachineSection machine : machines) {
            MachinePlan plan = machine.toPlan(cloudPort, experiment, paths, sections, judging);
            if (plan != null) {
                plans.add(plan);
            }
        }
        Set<String> names = new LinkedHashSet<>(byName.keySet());
        Set<String> controls = new LinkedHashSet<>(plans.stream().filter(MachinePlan::isControl).map(MachinePlan::name)
                .toList());
        List<LinkPlan> links = ConnectionSection.read(groups.connections(root.objects("connections")), names, controls);
        if (errors.isEmpty()) {
            RetrainReach.check(plans, sections, errors);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        judging.warning().ifPresent(LOG::warn);
        replacedScripts(machines).ifPresent(LOG::warn);
        List<MachinePlan> ordered = new ArrayList<>(plans.stream().filter(m -> m.role() == Role.CLOUD).toList());
        ordered.addAll(plans.stream().filter(m -> m.role() == Role.EDGE).toList());
        return new ExperimentPlan(experiment.name(), experiment.seed().orElse(DEFAULT_SEED),
                experiment.duration(), experiment.samplePeriod(), runtime, ordered, links, experiment.imageRegistry(),
                experiment.edgesPerHost());
    }

    /**
     * One line naming every machine whose original app script the local runtime replaces with the project's app, or
     * empty when there is none.
     */
    static Optional<String> replacedScripts(List<MachineSection> machines) {
        List<String> replaced = machines.stream().filter(m -> m.replacedScript().isPresent())
                .map(m -> m.name() + " (" + m.replacedScript().get().script() + ")").toList();
        if (replaced.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the local runtime runs this project's apps in place of the original's scripts, with the same"
                + " positional arguments (file paths reduced to file names, so the files land in logs/<machine>/; an edge"
                + " id that is not a machine name, or none, becomes the machine's name): " + String.join(", ", replaced));
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }
}
