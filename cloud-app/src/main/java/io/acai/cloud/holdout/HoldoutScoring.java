package io.acai.cloud.holdout;

import io.acai.cloud.store.ModelStore;
import io.acai.cloud.store.ModelVersion;
import io.acai.dataset.Dataset;
import io.acai.dataset.Datasets;
import io.acai.detection.ClassNames;
import io.acai.records.RunLog;
import io.acai.records.WriteFailureListener;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.HoldoutRow;
import io.acai.scenes.PhotoDrift;
import io.acai.scenes.SceneClasses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The cloud's held-out scoring, on a thread of its own at the lowest priority so that it never delays a retrain or
 * a push: {@link #submit} queues a version and returns at once. The first task renders the {@link HoldoutSet}
 * (kept in memory for the run), then every queued version is scored in turn on both styles and written as two
 * {@code holdout.csv} rows ({@link HoldoutRow}) and one {@code METRIC holdout} line of the cloud's log with what the
 * scoring cost. Closing waits up to {@link #CLOSE_WAIT} for the versions still queued, so that a cloud told to stop
 * exits within the launcher's 5 s grace: a version pushed in the last seconds of a run may go unscored (the log
 * says so).
 */
public final class HoldoutScoring implements AutoCloseable {

    /** How long {@link #close()} waits for queued versions to be scored. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final HoldoutSettings settings;
    private final HoldoutScorer scorer;
    private final ClassNames names;
    private final int inputWidth;
    private final int inputHeight;
    private final CsvRowWriter<HoldoutRow> csv;
    private final RunLog log;
    private final ExecutorService thread;
    /** Rendered by the first task, on the scoring thread; read only there. */
    private HoldoutSet set;
    /** Set when closing gave up waiting: a scoring still running then writes nothing to the closed files. */
    private volatile boolean abandoned;

    private HoldoutScoring(HoldoutSettings settings, ModelStore store, CsvRowWriter<HoldoutRow> csv, RunLog log) {
        this.settings = settings;
        this.scorer = new HoldoutScorer(settings, store.cfgText().getBytes(StandardCharsets.UTF_8), store.names());
        this.names = store.names();
        this.inputWidth = store.cfg().net().width();
        this.inputHeight = store.cfg().net().height();
        this.csv = csv;
        this.log = log;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "acai-holdout");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /**
     * Starts scoring into {@code csvFile} ({@code holdout.csv}, appended to; a failed write is told to {@code failures}), or returns empty, saying why in the log,
     * when the settings turn it off or the store's model does not detect the scenes' classes.
     */
    public static Optional<HoldoutScoring> start(HoldoutSettings settings, ModelStore store, Path csvFile, RunLog log,
                                                 WriteFailureListener failures) throws IOException {
        if (!settings.enabled()) {
            log.info("held-out scoring off (--holdout-frames 0)");
            return Optional.empty();
        }
        List<String> scenes = SceneClasses.NAMES.asList();
        if (settings.data().isEmpty() && !store.names().asList().equals(scenes)) {
            log.warn("held-out scoring off: the model's classes " + store.names().asList() + " are not the scenes' "
                    + scenes);
            return Optional.empty();
        }
        return Optional.of(new HoldoutScoring(settings, store, HoldoutRow.SCHEMA.append(csvFile, failures), log));
    }

    /** Queues {@code version} for scoring; returns at once. Versions are scored in the order they are queued. */
    public void submit(ModelVersion version) {
        try {
            thread.execute(() -> score(version));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.warn("held-out scoring of v" + version.version() + " skipped: the cloud is stopping");
        }
    }

    private HoldoutSet photos() throws IOException {
        Dataset dataset = Datasets.open(settings.data().get(), names);
        Optional<PhotoDrift> drift = settings.drift().isPresent()
                ? Optional.of(PhotoDrift.parse(settings.drift().get(), names)) : Optional.empty();
        return HoldoutSet.photos(dataset, drift, settings.frames(), inputWidth, inputHeight);
    }

    private void score(ModelVersion version) {
        try {
            if (set == null) {
                long start = System.nanoTime();
                set = settings.data().isPresent() ? photos() : HoldoutSet.render(settings.frames(), inputWidth,
                        inputHeight);
                log.info(settings.data().isPresent() ? String.format(Locale.ROOT, "held-out photos: %d pre-drift and "
                        + "%d drift (%s) photos of %s, loaded in %d ms, %.1f MiB in memory; judged with %s at conf %s, "
                        + "NMS %s, 1 OpenCV thread", set.frames(HoldoutStyle.PRE_DRIFT).size(),
                        set.frames(HoldoutStyle.DRIFT).size(), settings.drift().orElse("no drift"),
                        settings.data().get(), (System.nanoTime() - start) / 1_000_000, set.bytes() / 1048576.0,
                        settings.judge(), settings.confidence(), settings.nms()) : String.format(Locale.ROOT, "held-out frames: %d pre-drift and %d drift frames of camera %s "
                                + "(seed %d), rendered in %d ms, %.1f MiB in memory; judged with %s at conf %s, NMS %s, "
                                + "1 OpenCV thread", settings.frames(), settings.frames(), HoldoutSet.CAMERA,
                        HoldoutSet.SEED, (System.nanoTime() - start) / 1_000_000, set.bytes() / 1048576.0,
                        settings.judge(), settings.confidence(), settings.nms()));
            }
            long start = System.nanoTime();
            Map<HoldoutStyle, HoldoutScore> scores = scorer.score("model v" + version.version(), version.weights(), set);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (abandoned) {
                return;
            }
            long now = System.currentTimeMillis();
            StringBuilder metric = new StringBuilder(String.format(Locale.ROOT, "version=%d frames=%d",
                    version.version(), settings.frames()));
            for (Map.Entry<HoldoutStyle, HoldoutScore> entry : scores.entrySet()) {
                HoldoutScore score = entry.getValue();
                String style = entry.getKey().label();
                csv.write(new HoldoutRow(now, Integer.toString(version.version()), style, score.frames(),
                        score.accuracy(), score.map50()));
                metric.append(String.format(Locale.ROOT, " %s_accuracy=%.4f %s_map50=%.4f", style, score.accuracy(),
                        style, score.map50()));
            }
            log.metric("holdout", metric.append(" score_ms=").append(millis).toString());
        } catch (Exception | LinkageError e) {
            if (!abandoned) {
                log.warn("held-out scoring of v" + version.version() + " failed: " + e);
            }
        }
    }

    /** Scores what is queued, waiting up to {@link #CLOSE_WAIT}, then closes {@code holdout.csv}. */
    @Override
    public void close() throws IOException {
        close(CLOSE_WAIT);
    }

    /** Scores what is queued, waiting up to {@code wait}, then closes {@code holdout.csv}. */
    public void close(Duration wait) throws IOException {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                abandoned = true;
                int dropped = thread.shutdownNow().size();
                log.warn("held-out scoring stopped after " + wait.toMillis() + " ms: the version being scored and "
                        + dropped + " queued one(s) not scored");
            }
        } catch (InterruptedException e) {
            abandoned = true;
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        csv.close();
    }
}
