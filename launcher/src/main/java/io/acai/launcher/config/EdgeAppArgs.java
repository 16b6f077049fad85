package io.acai.launcher.config;

import io.acai.launcher.plan.AppFiles;
import io.acai.launcher.plan.MachinePlan;
import io.acai.options.UploadQuality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line of {@code edge-app.jar} built from an edge machine's {@code app} options:
 * {@code {} <cloud port> edge_inf.log edge_update.log edge_inf.csv edge_update.csv <rate> <edge id>
 * [--model M] [--data DIR] [--data-drift D] [--drift-after Tms] [--judge J] [--upload-threshold N] [--conf X] [--nms X]
 * [--threads N] [--seed S]}; {@code {}} is replaced by the runtime with the cloud's address. The {@code token} is
 * not an argument: {@link MachineSection} puts it in the plan, and the runtime passes it in the app's environment.
 *
 * <p>A static control ({@code controlOf}) sees exactly the frames of the edge it names, its target: it takes
 * the target's rate, frames ({@code data} with its {@code dataDrift}, or the drift scenario, and {@code driftAfter})
 * and seed, and
 * its model, judge, conf, nms and threads unless it sets its own. Its command line is
 * {@code none 0 ... --static --seed S}: no cloud address, no upload threshold, no token.
 */
final class EdgeAppArgs {

    static final List<String> FIELDS = List.of("model", "rate", "data", "dataDrift", "scenario", "driftAfter",
            "judge", "uploadThreshold", "uploadQuality", "conf", "nms", "threads", "token", "controlOf");
    /** What a control takes from its target and may not set: they decide which frames it sees. */
    static final List<String> FRAME_FIELDS = List.of("rate", "scenario", "driftAfter", "data", "dataDrift");
    /** What a control, which never talks to the cloud, has no use for. */
    static final List<String> CLOUD_FIELDS = List.of("uploadThreshold", "uploadQuality", "token");
    /** Requests per second when the config does not say. */
    static final double DEFAULT_RATE = 10;
    /** The cloud host and port of a control's command line: it has none. */
    static final String NO_CLOUD_HOST = "none";
    static final String NO_CLOUD_PORT = "0";

    /** What {@code dataDrift} may be; the edge checks the class names against its model. */
    static final Pattern DATA_DRIFT = Pattern.compile("night|noise|blur|classes:[^,]+(,[^,]+)*");

    /** Options in command-line order. */
    private static final List<String> ORDER = List.of("--data", "--data-drift", "--drift-after", "--judge",
            "--upload-threshold", "--upload-quality", "--conf", "--nms", "--threads");
    private static final Set<String> CLOUD_OPTIONS = Set.of("--upload-threshold", "--upload-quality");

    private final double rate;
    private final Optional<String> model;
    /** Whether the app options name the model (else it is the experiment's). */
    private final boolean modelGiven;
    private final Map<String, String> options;
    private final Optional<String> controlOf;

    private EdgeAppArgs(double rate, Optional<String> model, boolean modelGiven, Map<String, String> options,
            Optional<String> controlOf) {
        this.rate = rate;
        this.model = model;
        this.modelGiven = modelGiven;
        this.options = options;
        this.controlOf = controlOf;
    }

    /** Reads an edge's {@code app} options (every problem recorded); {@code defaultModel} is the experiment's. */
    static EdgeAppArgs read(Optional<ConfigNode> app, Optional<String> defaultModel, AppPaths paths) {
        double rate = DEFAULT_RATE;
        Map<String, String> options = new LinkedHashMap<>();
        Optional<String> model = defaultModel;
        Optional<String> controlOf = Optional.empty();
        if (app.isPresent()) {
            ConfigNode node = app.get();
            node.checkFields(FIELDS);
            if (node.has("model")) {
                model = paths.model(node);
            }
            rate = node.number("rate", 0, true, 1000).orElse(DEFAULT_RATE);
            node.choice("scenario", Set.of("drift"), "drift (or give a dataset folder in data)");
            if (node.has("data") && node.has("scenario")) {
                node.errors().add(node.path("data"), "cannot be combined with scenario (expected: one of the two)");
            }
            if (node.has("data") && node.has("driftAfter") && !node.has("dataDrift")) {
                node.errors().add(node.path("driftAfter"), "applies to the drift scenario, or to data with a "
                        + "dataDrift (expected: a dataDrift with it, or leave it out)");
            }
            if (node.has("dataDrift") && !node.has("data")) {
                node.errors().add(node.path("dataDrift"), "is a drift on the photos of data (expected: data with it)");
            }
            paths.folder(node, "data").ifPresent(v -> options.put("--data", v));
            node.text("dataDrift").ifPresent(v -> {
                if (DATA_DRIFT.matcher(v).matches()) {
                    options.put("--data-drift", v);
                } else {
                    node.errors().add(node.path("dataDrift"), "\"" + v + "\" (expected: night, noise, blur or "
                            + "classes:NAME[,NAME...])");
                }
            });
            node.duration("driftAfter", Duration.ZERO, ExperimentSettings.MAX_DURATION).ifPresent(v -> options.put("--drift-after", v.toMillis() + "ms"));
            node.choice("judge", Set.of("classes", "iou"), "classes or iou").ifPresent(v -> options.put("--judge", v));
            node.integer("uploadThreshold", 1, 100_000).ifPresent(v -> options.put("--upload-threshold", v.toString()));
            node.numberOrWord("uploadQuality", UploadQuality.LOSSLESS, 0, true, 1)
                    .ifPresent(v -> options.put("--upload-quality", v));
            node.number("conf", 0, false, 1).ifPresent(v -> options.put("--conf", ConfigNode.plain(v)));
            node.number("nms", 0, false, 1).ifPresent(v -> options.put("--nms", ConfigNode.plain(v)));
            node.integer("threads", 1, 64).ifPresent(v -> options.put("--threads", v.toString()));
            controlOf = node.text("controlOf");
            controlOf.ifPresent(target -> refuseOnAControl(node, target));
        }
        return new EdgeAppArgs(rate, model, app.isPresent() && app.get().has("model"), options, controlOf);
    }

    private static void refuseOnAControl(ConfigNode node, String target) {
        for (String field : FRAME_FIELDS) {
            if (node.has(field)) {
                node.errors().add(node.path(field), "is taken from \"" + target + "\", the edge this machine is a "
                        + "control of (expected: leave it out; a control sees exactly its target's frames)");
            }
        }
        for (String field : CLOUD_FIELDS) {
            if (node.has(field)) {
                node.errors().add(node.path(field), "has no use on a control, which never connects to the cloud "
                        + "(expected: leave it out)");
            }
        }
    }

    /** The edge this one is a static control of, when it is one. */
    Optional<String> controlOf() {
        return controlOf;
    }

    /** Whether its frames come from a dataset folder rather than the drift scenario. */
    boolean readsData() {
        return options.containsKey("--data");
    }

    /**
     * This control's settings completed from its {@code target}'s: the target's rate, frames and drift, and its
     * model, judge, conf, nms and threads where this control does not set its own.
     */
    EdgeAppArgs controlling(EdgeAppArgs target) {
        Map<String, String> merged = new LinkedHashMap<>(target.options);
        merged.keySet().removeAll(CLOUD_OPTIONS);
        merged.putAll(options);
        return new EdgeAppArgs(target.rate, modelGiven ? model : target.model, modelGiven || target.modelGiven, merged,
                controlOf);
    }

    /**
     * The command line of edge {@code edgeId}.
     *
     * @param seed {@code --seed}: the experiment's, or for a control the seed of its target's frames
     */
    List<String> build(String edgeId, int cloudPort, Optional<Long> seed) {
        boolean control = controlOf.isPresent();
        List<String> args = new ArrayList<>(List.of(control ? NO_CLOUD_HOST : MachinePlan.CLOUD_ADDRESS,
                control ? NO_CLOUD_PORT : Integer.toString(cloudPort),
                AppFiles.EDGE_INFERENCE_LOG, AppFiles.EDGE_UPDATE_LOG, AppFiles.EDGE_INFERENCE_CSV,
                AppFiles.EDGE_UPDATE_CSV, ConfigNode.plain(rate), edgeId));
        model.ifPresent(v -> add(args, "--model", v));
        for (String option : ORDER) {
            if (options.containsKey(option)) {
                add(args, option, options.get(option));
            }
        }
        if (control) {
            args.add("--static");
        }
        seed.ifPresent(v -> add(args, "--seed", v));
        return args;
    }

    private static void add(List<String> args, String option, Object value) {
        args.add(option);
        args.add(String.valueOf(value));
    }
}
