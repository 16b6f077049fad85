package io.acai.launcher.config;

import io.acai.launcher.plan.AppFiles;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.scenes.SceneClasses;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@code cloud-app.jar} built from a cloud machine's {@code app} options:
 * {@code <port> cloud.log cloud.csv [--model M] [--min-retrain-images N] [--epochs N] [--lr X]
 * [--batch N] [--device D] [--push P] [--replay N] [--anchors N] [--anchor-data DIR] [--freeze-backbone] [--fixed-batch-norm]
 * [--threads N]
 * [--keep-versions N] [--max-connections N] [--hello-timeout Tms] [--holdout-frames N] [--holdout-data DIR]
 * [--holdout-drift D] [--seed S] [--holdout-judge J] [--holdout-conf X] [--holdout-nms X]}. Options left out keep the
 * app's defaults; the held-out judging options are the edges' ({@link HoldoutJudging}), left out when
 * {@code holdoutFrames} is 0. The {@code token} is not an argument: {@link MachineSection} puts it in the plan,
 * and the runtime passes it in the app's environment.
 */
final class CloudAppArgs {

    static final List<String> FIELDS = List.of("model", "minRetrainImages", "epochs", "lr", "batch", "device", "push",
            "replay", "anchors", "anchorData", "freezeBackbone", "fixedBatchNorm", "threads", "token", "holdoutFrames", "keepVersions",
            "holdoutData", "holdoutDrift", "maxConnections", "helloTimeout");
    /** The most anchors (the cloud's limit, {@code AnchorSettings.MAX_COUNT}). */
    static final int MAX_ANCHORS = 10_000;
    /** The most connections a cloud may be told to hold ({@code maxConnections}). */
    static final int MAX_CONNECTIONS = 65_536;
    /** The bounds of {@code helloTimeout}: an edge sends its Hello as soon as it is connected. */
    static final Duration MIN_HELLO_TIMEOUT = Duration.ofMillis(100);
    static final Duration MAX_HELLO_TIMEOUT = Duration.ofMinutes(10);
    /** The most held-out frames of each style (the cloud's limit). */
    static final int MAX_HOLDOUT_FRAMES = 1000;

    private CloudAppArgs() {
    }

    static List<String> build(int port, Optional<ConfigNode> app, Optional<String> defaultModel, Optional<Long> seed,
            AppPaths paths, HoldoutJudging judging) {
        List<String> options = new ArrayList<>();
        boolean holdout = true;
        Optional<String> model = defaultModel;
        if (app.isPresent()) {
            ConfigNode node = app.get();
            node.checkFields(FIELDS, Set.of("controlOf")); // a control on a server: MachineSection says so
            if (node.has("model")) {
                model = paths.model(node);
            }
            node.integer("minRetrainImages", 0, Integer.MAX_VALUE).ifPresent(v -> add(options, "--min-retrain-images", v));
            node.integer("epochs", 1, 10_000).ifPresent(v -> add(options, "--epochs", v));
            node.number("lr", 0, true, 10).ifPresent(v -> add(options, "--lr", ConfigNode.plain(v)));
            node.integer("batch", 1, 4096).ifPresent(v -> add(options, "--batch", v));
            node.choice("device", Set.of("auto", "cpu", "gpu"), "auto, cpu or gpu").ifPresent(v -> add(options, "--device", v));
            node.choice("push", Set.of("contributors", "all"), "contributors or all").ifPresent(v -> add(options, "--push", v));
            node.integer("replay", 0, Integer.MAX_VALUE).ifPresent(v -> add(options, "--replay", v));
            Optional<Long> anchors = node.integer("anchors", 0, MAX_ANCHORS);
            anchors.ifPresent(v -> add(options, "--anchors", v));
            Optional<String> anchorData = paths.folder(node, "anchorData");
            anchorData.ifPresent(v -> add(options, "--anchor-data", v));
            if (anchors.orElse(0L) > 0 && !node.has("anchorData") && model.isPresent()
                    && !paths.detectsSceneClasses(model.get())) {
                node.errors().add(node.path("anchors"), anchors.get() + " pre-drift scenes, which are for a model of "
                        + "the scenes' classes " + SceneClasses.NAMES + ", and the model " + model.get() + " has other "
                        + "classes" + (paths.runtime() == RuntimeKind.LOCAL ? "" : " or cannot be read before it runs")
                        + " (expected: anchorData, a dataset folder of the model's training distribution)");
            }
            if (node.bool("freezeBackbone").orElse(false)) {
                options.add("--freeze-backbone");
            }
            if (node.bool("fixedBatchNorm").orElse(false)) {
                options.add("--fixed-batch-norm");
            }
            node.integer("threads", 1, 64).ifPresent(v -> add(options, "--threads", v));
            node.integer("keepVersions", 0, 100_000).ifPresent(v -> add(options, "--keep-versions", v));
            node.integer("maxConnections", 1, MAX_CONNECTIONS).ifPresent(v -> add(options, "--max-connections", v));
            node.duration("helloTimeout", MIN_HELLO_TIMEOUT, MAX_HELLO_TIMEOUT)
                    .ifPresent(v -> add(options, "--hello-timeout", v.toMillis() + "ms"));
            Optional<Long> frames = node.integer("holdoutFrames", 0, MAX_HOLDOUT_FRAMES);
            frames.ifPresent(v -> add(options, "--holdout-frames", v));
            holdout = frames.orElse(1L) > 0;
            paths.folder(node, "holdoutData").ifPresent(v -> add(options, "--holdout-data", v));
            if (node.has("holdoutDrift") && !node.has("holdoutData")) {
                node.errors().add(node.path("holdoutDrift"), "is the edges' drift on the photos of holdoutData "
                        + "(expected: holdoutData with it)");
            }
            node.text("holdoutDrift").ifPresent(v -> {
                if (EdgeAppArgs.DATA_DRIFT.matcher(v).matches()) {
                    add(options, "--holdout-drift", v);
                } else {
                    node.errors().add(node.path("holdoutDrift"), "\"" + v + "\" (expected: night, noise, blur or "
                            + "classes:NAME[,NAME...], as the edges' dataDrift)");
                }
            });
        }
        List<String> args = new ArrayList<>(List.of(Integer.toString(port), AppFiles.CLOUD_LOG, AppFiles.CLOUD_CSV));
        model.ifPresent(v -> add(args, "--model", v));
        args.addAll(options);
        seed.ifPresent(v -> add(args, "--seed", v));
        if (holdout) {
            args.addAll(judging.cloudOptions());
        }
        return args;
    }

    private static void add(List<String> args, String option, Object value) {
        args.add(option);
        args.add(String.valueOf(value));
    }
}
