package io.acai.launcher.config;

import io.acai.launcher.plan.AppFiles;
import io.acai.launcher.plan.MachinePlan;
import io.acai.options.TimeSpan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@code edge-app.jar} built from an edge machine's {@code app} options:
 * {@code {} <cloud port> edge_inf.log edge_update.log edge_inf.csv edge_update.csv <rate> <edge id>
 * [--model M] [--data DIR] [--drift-after Tms] [--judge J] [--upload-threshold N] [--conf X] [--nms X]
 * [--threads N] [--token T] [--seed S]}; {@code {}} is replaced by the runtime with the cloud's address.
 */
final class EdgeAppArgs {

    static final List<String> FIELDS = List.of("model", "rate", "data", "scenario", "driftAfter", "judge",
            "uploadThreshold", "conf", "nms", "threads", "token");
    /** Requests per second when the config does not say. */
    static final double DEFAULT_RATE = 10;

    private EdgeAppArgs() {
    }

    static List<String> build(String edgeId, int cloudPort, Optional<ConfigNode> app, Optional<String> defaultModel,
            Optional<Long> seed, AppPaths paths) {
        double rate = DEFAULT_RATE;
        List<String> options = new ArrayList<>();
        Optional<String> model = defaultModel;
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
            if (node.has("data") && node.has("driftAfter")) {
                node.errors().add(node.path("driftAfter"), "applies to the drift scenario only, not to data");
            }
            paths.folder(node, "data").ifPresent(v -> add(options, "--data", v));
            node.parsed("driftAfter", TimeSpan::parse).ifPresent(v -> add(options, "--drift-after", v.toMillis() + "ms"));
            node.choice("judge", Set.of("classes", "iou"), "classes or iou").ifPresent(v -> add(options, "--judge", v));
            node.integer("uploadThreshold", 1, 100_000).ifPresent(v -> add(options, "--upload-threshold", v));
            node.number("conf", 0, false, 1).ifPresent(v -> add(options, "--conf", plain(v)));
            node.number("nms", 0, false, 1).ifPresent(v -> add(options, "--nms", plain(v)));
            node.integer("threads", 1, 64).ifPresent(v -> add(options, "--threads", v));
            node.text("token").ifPresent(v -> add(options, "--token", v));
        }
        List<String> args = new ArrayList<>(List.of(MachinePlan.CLOUD_ADDRESS, Integer.toString(cloudPort),
                AppFiles.EDGE_INFERENCE_LOG, AppFiles.EDGE_UPDATE_LOG, AppFiles.EDGE_INFERENCE_CSV,
                AppFiles.EDGE_UPDATE_CSV, plain(rate), edgeId));
        model.ifPresent(v -> add(args, "--model", v));
        args.addAll(options);
        seed.ifPresent(v -> add(args, "--seed", v));
        return args;
    }

    /** {@code value} without a trailing {@code .0}: 10 rather than 10.0. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void add(List<String> args, String option, Object value) {
        args.add(option);
        args.add(String.valueOf(value));
    }
}
