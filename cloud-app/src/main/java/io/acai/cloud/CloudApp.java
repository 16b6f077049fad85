package io.acai.cloud;

import io.acai.cloud.holdout.HoldoutScoring;
import io.acai.cloud.retrain.AnchorFrames;
import io.acai.cloud.retrain.AnchorSettings;
import io.acai.cloud.retrain.ReplayBuffer;
import io.acai.cloud.retrain.RetrainLoop;
import io.acai.cloud.retrain.Retrainer;
import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.retrain.UploadSpool;
import io.acai.cloud.server.CloudContext;
import io.acai.cloud.server.CloudServer;
import io.acai.cloud.server.ConnectedEdges;
import io.acai.cloud.server.TokenCheck;
import io.acai.cloud.store.ModelStore;
import io.acai.options.AppExitCode;
import io.acai.options.AppFailure;
import io.acai.options.FileClosing;
import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.ProtocolLimits;
import io.acai.records.RunFileWriteException;
import io.acai.records.RunLog;
import io.acai.records.WriteFailureListener;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.RetrainRow;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;

/**
 * A running cloud: the model store, the TCP server and the retrain thread, wired together: the
 * server's {@link ConnectedEdges} is the fleet the retrain loop pushes through, and the held-out
 * scoring hears of the first version and of every pushed one. Uploads go through the {@link UploadSpool} (written
 * and forced to disk before they are acknowledged; what it holds at start is retrained on first), and the log and
 * CSV files are appended to, so that a restarted cloud carries on where the last one stopped. A failed write (log,
 * CSV, spool, model store) or the retrain thread's death is reported to {@link #failure()}: the app then closes its
 * server at once, so it takes no upload it would not train on, and its command exits with
 * {@link AppExitCode#WORKER_FAILED}. Closing it stops the server, abandons a retrain in progress at its next step
 * (its uploads stay in the spool), scores what is queued, and closes the log and CSV files.
 */
public final class CloudApp implements AutoCloseable {

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private final RunLog log;
    private final CsvRowWriter<RetrainRow> csv;
    private final ModelStore store;
    private final UploadQueue uploads;
    private final CloudServer server;
    private final RetrainLoop loop;
    private final Thread retrainThread;
    private final Optional<HoldoutScoring> holdout;
    private final UploadSpool spool;
    private final AppFailure failure;

    private CloudApp(RunLog log, CsvRowWriter<RetrainRow> csv, ModelStore store, UploadQueue uploads, CloudServer server,
                     RetrainLoop loop, Thread retrainThread, Optional<HoldoutScoring> holdout, UploadSpool spool,
                     AppFailure failure) {
        this.spool = spool;
        this.failure = failure;
        this.log = log;
        this.csv = csv;
        this.store = store;
        this.uploads = uploads;
        this.server = server;
        this.loop = loop;
        this.retrainThread = retrainThread;
        this.holdout = holdout;
    }

    /**
     * Opens the store, starts the server and the retrain thread.
     *
     * @param retrainers makes the retrainer for the store's network and classes
     */
    public static CloudApp start(CloudConfig config, Function<ModelStore, Retrainer> retrainers)
            throws IOException, InterruptedException {
        AppFailure failure = new AppFailure();
        WriteFailureListener writes = e -> failure.report("writing " + e.file(), e.getCause());
        RunLog log = RunLog.open(config.logFile(), writes);
        CsvRowWriter<RetrainRow> csv = RetrainRow.SCHEMA.append(config.csvFile(), writes);
        UploadSpool spool = UploadSpool.open(config.spoolDir(), log, writes);
        ModelStore store = ModelStore.open(config.storeDir(), config.model(), config.keepVersions());
        log.info("model " + config.model().cfg().getFileName() + " (" + store.names().size() + " classes "
                + store.names() + ") at v" + store.current().version() + ", versions in " + store.dir());
        Optional<HoldoutScoring> holdout = HoldoutScoring.start(config.holdout(), store, config.holdoutCsvFile(), log,
                writes);
        holdout.ifPresent(h -> h.submit(store.current()));
        Retrainer retrainer = retrainers.apply(store);
        ReplayBuffer replay = new ReplayBuffer(config.replay(), config.seed());
        ConnectedEdges edges = new ConnectedEdges(store, config.token(), log);
        UploadQueue uploads = new UploadQueue(spool);
        String cloudId = "cloud@" + hostName();
        CloudContext context = new CloudContext(cloudId, new TokenCheck(config.token()), edges, uploads, store, log,
                failure);
        CloudServer server = CloudServer.start(config.port(),
                new AcaiPipeline(ProtocolLimits.DEFAULT, config.heartbeatInterval()), config.serverLimits(), context);
        RetrainLoop loop = new RetrainLoop(uploads, store, retrainer, replay, edges, config.pushPolicy(),
                config.minRetrainImages(), csv, log, version -> holdout.ifPresent(h -> h.submit(version)));
        // the replay scenes are drawn on the retrain thread, before its first round, so that the server
        // listens at once (drawing them takes seconds on a busy host)
        Thread thread = new Thread(failure.guard("the retrain thread", () -> {
            try {
                drawAnchors(config, store, replay, log);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("anchors not drawn, the cloud cannot retrain: "
                        + e.getMessage(), e);
            }
            loop.run();
        }), "acai-retrain");
        // a fault anywhere stops the server at once: no upload is acknowledged that would not be trained on
        // (on a thread of its own: the fault may be met on one of the server's event loops, which closing awaits)
        failure.reported().thenRunAsync(() -> closeQuietly(server));
        thread.start();
        log.info("listening on port " + server.port() + " (min retrain images " + config.minRetrainImages()
                + ", push to " + config.pushPolicy() + ", replay " + config.replay() + ", anchors " + config.anchors().count()
                + (config.token().isEmpty() ? ", no token" : ", token required") + ", at most "
                + config.serverLimits().maxConnections() + " connections, Hello within "
                + config.serverLimits().helloTimeout().toMillis() + " ms)");
        return new CloudApp(log, csv, store, uploads, server, loop, thread, holdout, spool, failure);
    }

    private static void closeQuietly(CloudServer server) {
        try {
            server.close();
        } catch (RuntimeException e) {
            // the cloud is ending on a fault already; close() finds the server closed
        }
    }

    /** Draws the anchors into the replay buffer; a dataset that cannot give them ends the retrain thread. */
    private static void drawAnchors(CloudConfig config, ModelStore store, ReplayBuffer replay, RunLog log)
            throws IOException {
        AnchorSettings anchors = config.anchors();
        if (anchors.count() > 0) {
            replay.anchor(AnchorFrames.draw(anchors, store.names(), store.cfg().net().width(),
                    store.cfg().net().height(), config.seed()));
            log.info("anchors: " + anchors.count() + anchors.data().map(d -> " photos of " + d)
                    .orElse(" pre-drift scenes, the default model's training distribution")
                    + ", replayed in every retrain");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    public int port() {
        return server.port();
    }

    public ModelStore store() {
        return store;
    }

    public UploadQueue uploads() {
        return uploads;
    }

    public RunLog log() {
        return log;
    }

    /** The first fault the cloud cannot go on after, once one happened. */
    public AppFailure failure() {
        return failure;
    }

    /** Stops everything; a second call does nothing. */
    @Override
    public void close() throws IOException {
        if (closed.getAndSet(true)) {
            return;
        }
        server.close();
        loop.stop();
        try {
            retrainThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (holdout.isPresent()) {
            holdout.get().close();
        }
        try {
            log.info(failure.reason().map(r -> "stopped: " + r).orElse("stopped"));
        } catch (RunFileWriteException e) {
            // the log is what failed; the command says why on stderr
        }
        FileClosing closing = new FileClosing(failure);
        closing.close(spool);
        closing.close(csv);
        closing.close(log);
        closing.rethrow();
    }
}
