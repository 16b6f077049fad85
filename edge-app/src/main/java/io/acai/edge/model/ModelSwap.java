package io.acai.edge.model;

import io.acai.detection.Detector;
import io.acai.protocol.Message;
import io.acai.protocol.ModelAck;
import io.acai.protocol.ModelPush;
import io.acai.protocol.ModelRequest;
import io.acai.protocol.LogText;
import io.acai.protocol.PushSignature;
import io.acai.options.WorkerStop;
import io.acai.records.RunLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Installs pushed models: checks the version (newer than the one in use), the SHA-256, the signature
 * (when this edge has a token: the push must be signed with it, {@link PushSignature}), the weights'
 * size against the cfg and that every weight is finite, then loads and warms the new detector on its
 * own thread and offers it to the {@link DetectorSlot}, which swaps it in between two frames. A push
 * that fails a check or does not load is refused with a {@link ModelAck} (the cloud logs the reason)
 * and asked for again with a {@link ModelRequest} (at most {@value #MAX_REQUESTS} times per version);
 * the old model keeps serving meanwhile. Every reason is logged through {@link LogText#escape(String)}:
 * it may quote what the cloud sent.
 */
public final class ModelSwap implements AutoCloseable {

    /** How often one version is asked for again after failed checks. */
    public static final int MAX_REQUESTS = 3;

    private final DetectorSlot slot;
    private final DetectorLoader loader;
    private final Consumer<Message> toCloud;
    private final RunLog log;
    private final ExecutorService worker;
    private final Map<Integer, Integer> requests = new HashMap<>();
    private final Optional<PushSignature> signature;

    /** A swap for an edge without a token: pushes are taken signed or not. */
    public ModelSwap(DetectorSlot slot, DetectorLoader loader, Consumer<Message> toCloud, RunLog log) {
        this(slot, loader, toCloud, log, "");
    }

    /** @param token this edge's token: pushes must be signed with it; empty: pushes are taken signed or not */
    public ModelSwap(DetectorSlot slot, DetectorLoader loader, Consumer<Message> toCloud, RunLog log, String token) {
        this(slot, loader, toCloud, log, token, "acai-model-load");
    }

    /** As above, its loading thread named {@code threadName} (an edge's carries the edge id). */
    public ModelSwap(DetectorSlot slot, DetectorLoader loader, Consumer<Message> toCloud, RunLog log, String token,
                     String threadName) {
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.slot = slot;
        this.loader = loader;
        this.toCloud = toCloud;
        this.log = log;
        this.signature = token.isEmpty() ? Optional.empty() : Optional.of(new PushSignature(token));
    }

    /** Takes a push as received (on a network thread); the work happens on the loader thread. */
    public void accept(ModelPush push) {
        worker.execute(() -> install(push));
    }

    private void install(ModelPush push) {
        int running = slot.newestVersion();
        if (push.version() <= running) {
            log.info("model v" + push.version() + " ignored: v" + running + " is newer or the same");
            return;
        }
        if (!push.digestMatches()) {
            refuse(push.version(), "sha256 mismatch: the " + push.weights().length
                    + " bytes received do not hash to the announced digest");
            return;
        }
        if (signature.isPresent() && !signature.get().verifies(push)) {
            refuse(push.version(), push.isSigned()
                    ? "signature mismatch: the push is not signed with this edge's token, so it is not from a cloud "
                            + "holding it"
                    : "unsigned: this edge has a token and takes only pushes signed with it (does the cloud have "
                            + "no token?)");
            return;
        }
        EdgeModel current = slot.model();
        EdgeModel model = new EdgeModel(push.version(), push.hasCfg() ? push.cfg() : current.cfgText(),
                push.hasNames() ? push.names() : current.namesText(), push.weights());
        long start = System.nanoTime();
        Detector detector;
        try {
            model.check();
            detector = loader.load(model);
        } catch (Exception e) {
            refuse(push.version(), e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        log.metric("model_load", "version=" + model.version() + " bytes=" + model.weights().length
                + " load_warm_ms=" + (System.nanoTime() - start) / 1_000_000);
        slot.offer(new DetectorSlot.Loaded(detector, model));
    }

    private void refuse(int version, String reason) {
        log.warn("model v" + version + " refused, keeping v" + slot.model().version() + ": " + LogText.escape(reason));
        toCloud.accept(ModelAck.refused(version, reason.length() > 1000 ? reason.substring(0, 1000) : reason));
        int asked = requests.merge(version, 1, Integer::sum);
        if (asked <= MAX_REQUESTS) {
            toCloud.accept(new ModelRequest(slot.newestVersion()));
        } else {
            log.warn("model v" + version + " failed its checks " + asked + " times, not asking again");
        }
    }

    @Override
    public void close() {
        WorkerStop.now(worker, Duration.ofSeconds(5));
    }
}
