package io.acai.cloud.retrain;

import io.acai.cloud.store.ModelStore;
import io.acai.cloud.store.ModelVersion;
import io.acai.cloud.store.WeightsRejectedException;
import io.acai.detection.LabeledFrame;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.SpoolRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The cloud's one retrain thread: waits for {@code minImages} pending uploads (at least one), takes
 * them all, retrains the current model on them plus the replay samples, saves the new version and
 * pushes it to the contributors or to every connected edge through the {@link EdgeFleet}, then
 * writes a {@code cloud.csv} row, and last hands the new version to {@code pushed} (the held-out scoring, which
 * queues it for a thread of its own). Uploads that arrive during a retrain wait for the next round. A
 * retrain that fails, or whose weights the store refuses, leaves the current version in place and
 * tells the contributors. Once a round's version is saved (or its retrain failed), its batches are taken off the
 * {@link UploadSpool}. A failed write (saving the version, the spool, {@code cloud.csv}, the log) is not a failed
 * retrain: it ends {@link #run()} with the exception, and the cloud with it.
 */
public final class RetrainLoop implements Runnable {

    /** How long a push may take to reach the edges before the row is written anyway. */
    private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(10);

    private final UploadQueue uploads;
    private final ModelStore store;
    private final Retrainer retrainer;
    private final ReplayBuffer replay;
    private final EdgeFleet edges;
    private final PushPolicy pushPolicy;
    private final int minImages;
    private final CsvRowWriter<RetrainRow> csv;
    private final RunLog log;
    private final Consumer<ModelVersion> pushed;
    private volatile boolean running = true;

    /**
     * @param pushed hears of every new version after it was pushed and its row written, on the retrain thread;
     *               it must return quickly (the next round waits)
     */
    public RetrainLoop(UploadQueue uploads, ModelStore store, Retrainer retrainer, ReplayBuffer replay,
                       EdgeFleet edges, PushPolicy pushPolicy, int minImages,
                       CsvRowWriter<RetrainRow> csv, RunLog log, Consumer<ModelVersion> pushed) {
        if (minImages < 0) {
            throw new IllegalArgumentException("--min-retrain-images : " + minImages + " (expected: >= 0)");
        }
        this.uploads = uploads;
        this.store = store;
        this.retrainer = retrainer;
        this.replay = replay;
        this.edges = edges;
        this.pushPolicy = pushPolicy;
        this.minImages = minImages;
        this.csv = csv;
        this.log = log;
        this.pushed = pushed;
    }

    @Override
    public void run() {
        try {
            while (running) {
                Round round = uploads.take(minImages, 500, TimeUnit.MILLISECONDS);
                if (round != null) {
                    retrain(round);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the loop; a round in progress is abandoned at its next training step (its edges are gone anyway). */
    public void stop() {
        running = false;
        retrainer.stop();
    }

    /** One round: retrain, save, push, record. */
    void retrain(Round round) throws InterruptedException {
        long started = System.currentTimeMillis(); // wait_ms: in the queue; train_ms: decoding and training
        Set<String> contributors = round.edges();
        List<LabeledFrame> fresh = decode(round);
        List<LabeledFrame> replayed = replay.samples();
        List<LabeledFrame> frames = new ArrayList<>(fresh);
        frames.addAll(replayed);
        ModelVersion base = store.current();
        log.info("retrain of v" + base.version() + " started: " + fresh.size() + " new images from " + contributors
                + ", " + replayed.size() + " replayed");
        if (fresh.isEmpty()) {
            log.warn("retrain skipped: none of the " + round.images().size() + " uploaded images could be used");
            takeOff(round, SpoolRow.UNUSABLE, base.version());
            edges.retrainFailed(contributors, "retrain skipped: none of the uploaded images could be used");
            return;
        }
        RetrainOutcome outcome;
        long updated;
        try {
            outcome = retrainer.retrain(base.weights(), frames);
            updated = System.currentTimeMillis();
        } catch (InterruptedException | java.io.InterruptedIOException e) {
            log.info("retrain of v" + base.version() + " abandoned: the cloud is stopping");
            throw new InterruptedException(e.getMessage());
        } catch (Exception e) {
            failed(round, base, e);
            return;
        }
        ModelVersion saved;
        try {
            saved = store.save(outcome.weights());
        } catch (WeightsRejectedException e) {
            failed(round, base, e);
            return;
        } catch (java.io.InterruptedIOException e) {
            log.info("retrain of v" + base.version() + " abandoned: the cloud is stopping");
            throw new InterruptedException(e.getMessage());
        } catch (IOException e) {
            // the disk is full or gone: the cloud cannot keep a model, so it must not take uploads either
            throw new UncheckedIOException("saving model v" + (base.version() + 1) + " in " + store.dir() + " failed", e);
        }
        long savedAt = System.currentTimeMillis();
        takeOff(round, SpoolRow.TRAINED, saved.version());
        replay.addAll(fresh);
        long encoded = System.currentTimeMillis(); // the fleet builds the push message as it starts
        EdgeFleet.Delivery delivery = edges.push(saved, pushPolicy == PushPolicy.ALL ? edges.connected() : contributors,
                PUSH_TIMEOUT);
        long sent = System.currentTimeMillis();
        log.info("model v" + saved.version() + " saved as " + saved.file().getFileName() + ", sha256 "
                + saved.sha256Hex() + ", pushed to " + delivery.reached() + " of " + delivery.targets() + " edges ("
                + pushPolicy + ")");
        prune();
        log.metric("retrain", String.format(Locale.ROOT,
                "version=%d images=%d replayed=%d edges=%d epochs=%d loss_first=%.6f loss_last=%.6f device=%s "
                        + "wait_ms=%d train_ms=%d save_ms=%d push_ms=%d",
                saved.version(), fresh.size(), replayed.size(), contributors.size(), outcome.epochs(),
                outcome.lossFirst(), outcome.lossLast(), outcome.device(), started - round.receivedMillis(),
                updated - started, savedAt - updated, sent - encoded));
        csv.write(new RetrainRow(round.receivedMillis(), updated, savedAt, encoded, sent, fresh.size(),
                contributors.size(), outcome.epochs(), outcome.lossFirst(), outcome.lossLast(), outcome.device(),
                Integer.toString(saved.version())));
        pushed.accept(saved);
    }

    /** A retrain that failed, or whose weights the store refused: the model stays, the round's batches are dropped. */
    private void failed(Round round, ModelVersion base, Exception e) {
        log.warn("retrain of v" + base.version() + " failed, keeping it: " + e);
        takeOff(round, SpoolRow.FAILED, base.version());
        edges.retrainFailed(round.edges(), "retrain failed: " + e.getMessage());
    }

    /** Takes the round's batches off the spool; a failed write ends the loop (and the cloud). */
    private void takeOff(Round round, String outcome, int version) {
        try {
            uploads.takenOff(round, outcome, version);
        } catch (IOException e) {
            throw new UncheckedIOException("taking " + round.batches().size() + " batches off the upload spool failed",
                    e);
        }
    }

    private List<LabeledFrame> decode(Round round) {
        List<LabeledFrame> frames = new ArrayList<>(round.images().size());
        for (PendingImage image : round.images()) {
            try {
                frames.add(UploadFrames.decode(image, store.names()));
            } catch (IOException e) {
                log.warn("upload skipped: " + e.getMessage());
            }
        }
        return frames;
    }

    /** Retention of the model store, after the push of a new version; a failure is logged and the loop goes on. */
    private void prune() {
        try {
            List<Integer> deleted = store.prune();
            if (!deleted.isEmpty()) {
                log.info("model store: deleted " + deleted.stream().map(v -> "v" + v).toList() + ", keeping the first"
                        + " version and the newest " + store.keepVersions() + " (--keep-versions)");
            }
        } catch (IOException e) {
            log.warn("model store: old versions not deleted: " + e);
        }
    }
}
