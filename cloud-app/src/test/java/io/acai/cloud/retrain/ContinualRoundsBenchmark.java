package io.acai.cloud.retrain;

import io.acai.cloud.train.TorchThreads;
import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.edge.upload.UploadEncoding;
import io.acai.edge.upload.UploadImages;
import io.acai.model.DefaultModel;
import io.acai.records.csv.CsvValues;
import io.acai.scenes.ColourJitter;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import io.acai.training.DetectorTrainer;
import io.acai.training.Distillation;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default experiment's retrain loop, offline and round by round, to compare retrain policies on
 * the same uploads: the shipped default model meets drifted frames ({@link SceneStyle#DRIFT}); the
 * frames it gets wrong (the {@code classes} judge at {@code --conf 0.4}, as the edges judge) are the
 * uploads; every {@code fresh} of them start a round; after each round the new weights are judged on
 * held-out pre-drift and drifted frames. A policy is a list of {@code key=value}:
 * <ul>
 *   <li>{@code replay=N}: today's cloud, a reservoir of N earlier samples seeded with N pre-drift scenes
 *       that the uploads then share;</li>
 *   <li>{@code anchors=N}: N pre-drift scenes replayed in every round, never replaced;</li>
 *   <li>{@code memory=N}: the N most recent earlier uploads replayed in every round;</li>
 *   <li>{@code share=S}: instead of all anchors in every round, as many as make a share S (below 1) of the
 *       round's frames, taken in turn from the {@code anchors} (repeated when there are fewer), so a shuffled
 *       batch holds that share of anchors on average ({@code share=0.5}: balanced);</li>
 *   <li>{@code schedule=fixed|cosine} (warm-up over a tenth of the round, then cosine decay), {@code headlr=F}
 *       (the head's learning rate F times the rest's), {@code adabn=yes} (batch-norm statistics re-estimated
 *       on the round's frames after it, see {@link TrainingSettings#recalibrateBatchNorm()});</li>
 *   <li>{@code upload=frame|lossless|Q}: the uploads as the cloud gets them, encoded the edge's way ({@link
 *       UploadImages}: letterboxed, then JPEG at quality Q or a PNG file) and decoded the cloud's way ({@link
 *       UploadFrames}); {@code frame}, the default, trains on the frames themselves;</li>
 *   <li>{@code jitter=yes}: darknet's colour augmentation at yolov3-tiny.cfg's values on every frame of a round,
 *       drawn anew each round (see {@link ColourJitter#YOLOV3_TINY});</li>
 *   <li>{@code distill=W}: knowledge distillation of the anchors against the shipped model, weight W (see
 *       {@link Distillation});</li>
 *   <li>{@code epochs}, {@code lr}, {@code bn=train|fixed}, {@code freeze=none|backbone}, {@code fresh}, {@code budget} (image passes
 *       the rounds may spend in all, about what the cloud trains in the 3 min 50 s of drift).</li>
 * </ul>
 * The rounds start from the shipped weights, or from other acai-shapes weights given with
 * {@code -Dacai.rounds.weights=FILE} (a candidate default model).
 * Policies are given with {@code -Dacai.rounds.policies="replay=60;anchors=60,memory=120,bn=fixed"}
 * and run one after the other from the same shipped weights on the same frames:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=ContinualRoundsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dacai.rounds.policies="replay=60"
 * </pre>
 */
@Tag("benchmark")
class ContinualRoundsBenchmark {

    private static final int HELD_OUT = 120;

    @TempDir
    Path tmp;

    @Test
    void roundsByPolicy() throws Exception {
        TorchThreads.limit(Integer.getInteger("acai.rounds.threads", 2));
        ModelFiles model = DefaultModel.extractTo(tmp.resolve("model"));
        String start = System.getProperty("acai.rounds.weights");
        byte[] shipped = Files.readAllBytes(start == null ? model.weights() : Path.of(start));
        DarknetConfig cfg = DarknetConfig.read(model.cfg());
        ClassNames names = ClassNames.read(model.names());
        String policies = System.getProperty("acai.rounds.policies", "replay=60");
        for (String policy : policies.split(";")) {
            run(model, cfg, names, shipped, parse(policy.trim()));
        }
    }

    private void run(ModelFiles model, DarknetConfig cfg, ClassNames names, byte[] shipped, Map<String, String> policy)
            throws Exception {
        int fresh = Integer.parseInt(policy.getOrDefault("fresh", "40"));
        int budget = Integer.parseInt(policy.getOrDefault("budget", "8000"));
        int replay = Integer.parseInt(policy.getOrDefault("replay", "0"));
        int anchors = Integer.parseInt(policy.getOrDefault("anchors", "0"));
        int memory = Integer.parseInt(policy.getOrDefault("memory", "0"));
        double share = Double.parseDouble(policy.getOrDefault("share", "0"));
        if (share < 0 || share >= 1 || (share > 0 && anchors == 0)) {
            throw new IllegalArgumentException("share: " + share + " (expected: 0 for all anchors, or below 1 with anchors)");
        }
        int anchorTurn = 0;
        ColourJitter jitter = "yes".equals(policy.getOrDefault("jitter", "no")) ? ColourJitter.YOLOV3_TINY : null;
        float distill = Float.parseFloat(policy.getOrDefault("distill", "0"));
        String upload = policy.getOrDefault("upload", "frame");
        UploadEncoding encoding = upload.equals("frame") ? null : UploadEncoding.parse(upload);
        TrainingSettings settings = TrainingSettings.builder()
                .setEpochs(Integer.parseInt(policy.getOrDefault("epochs", "2"))).setBatchSize(8)
                .optLearningRate(Float.parseFloat(policy.getOrDefault("lr", "5e-4")))
                .optFixedBatchNorm("fixed".equals(policy.getOrDefault("bn", "train")))
                .optFreezeBackbone("backbone".equals(policy.getOrDefault("freeze", "none")))
                .optWarmUpCosine("cosine".equals(policy.getOrDefault("schedule", "fixed")))
                .optHeadLearningRateFactor(Float.parseFloat(policy.getOrDefault("headlr", "1")))
                .optRecalibrateBatchNorm("yes".equals(policy.getOrDefault("adabn", "no")))
                .optDevice(TrainingDevice.CPU).optSeed(1).build();
        DetectorTrainer trainer = new DetectorTrainer(cfg, names, settings);

        SceneGenerator preDrift = new SceneGenerator(9100001, SceneStyle.PRE_DRIFT);
        ReplayBuffer reservoir = new ReplayBuffer(replay, 1);
        List<LabeledFrame> anchorFrames = new ArrayList<>();
        for (int i = 0; i < Math.max(replay, anchors); i++) {
            LabeledFrame frame = preDrift.frame(i);
            if (i < replay) {
                reservoir.add(frame);
            }
            if (i < anchors) {
                anchorFrames.add(frame);
            }
        }
        List<LabeledFrame> earlierUploads = new ArrayList<>();
        SceneGenerator stream = new SceneGenerator(9200001, SceneStyle.DRIFT);
        int next = 0;
        byte[] weights = shipped;
        System.out.println("policy " + policy);
        System.out.println("| round | image passes | train s | served frames | pre-drift | drift |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| 0 | 0 | 0 | 0 | %.3f | %.3f |%n", accuracy(model, weights, SceneStyle.PRE_DRIFT),
                accuracy(model, weights, SceneStyle.DRIFT));
        int passes = 0;
        double trainSeconds = 0;
        for (int round = 1; passes < budget; round++) {
            List<LabeledFrame> uploads = new ArrayList<>();
            try (OpenCvDetector detector = SceneAccuracy.detector(model, weights, tmp)) {
                FrameJudge judge = FrameJudge.named("classes");
                while (uploads.size() < fresh) {
                    LabeledFrame frame = stream.frame(next++);
                    if (!judge.correct(detector.detect(frame.image()), frame.objects())) {
                        uploads.add(frame);
                    }
                }
            }
            if (encoding != null) {
                List<LabeledFrame> received = new ArrayList<>();
                for (LabeledFrame frame : uploads) {
                    received.add(UploadFrames.decode(new PendingImage("edge", 1, UploadImages.encode(frame,
                            cfg.net().width(), cfg.net().height(), encoding), 0), names));
                }
                uploads = received;
            }
            List<LabeledFrame> frames = new ArrayList<>(uploads);
            frames.addAll(reservoir.samples());
            frames.addAll(earlierUploads.subList(Math.max(0, earlierUploads.size() - memory), earlierUploads.size()));
            if (share > 0) {
                long count = Math.round(frames.size() * share / (1 - share));
                for (long i = 0; i < count; i++) {
                    frames.add(anchorFrames.get(anchorTurn++ % anchorFrames.size()));
                }
            } else {
                frames.addAll(anchorFrames);
            }
            if (jitter != null) {
                List<LabeledFrame> plain = frames;
                frames = new ArrayList<>();
                for (int i = 0; i < plain.size(); i++) {
                    frames.add(jitter.apply(plain.get(i), round * 1_000_003L + i));
                }
            }
            TrainingResult result = distill > 0
                    ? trainer.train(weights, frames, Distillation.of(shipped, anchorFrames, distill), report -> { })
                    : trainer.train(weights, frames);
            weights = result.weights();
            passes += result.images();
            trainSeconds += result.elapsed().toMillis() / 1000.0;
            reservoir.addAll(uploads);
            earlierUploads.addAll(uploads);
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %d | %.3f | %.3f |%n", round, passes, trainSeconds, next,
                    accuracy(model, weights, SceneStyle.PRE_DRIFT), accuracy(model, weights, SceneStyle.DRIFT));
        }
    }

    private static Map<String, String> parse(String policy) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : CsvValues.parse(policy)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("acai.rounds.policies: '" + pair + "' (expected: key=value)");
            }
            values.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return values;
    }

    /** The share of {@value #HELD_OUT} held-out frames of the style judged right with these weights. */
    private double accuracy(ModelFiles model, byte[] weights, SceneStyle style) throws Exception {
        return SceneAccuracy.of(model, weights, tmp, 9300001, style, HELD_OUT);
    }
}
