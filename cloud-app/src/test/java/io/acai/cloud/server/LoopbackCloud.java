package io.acai.cloud.server;

import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.store.ModelStore;
import io.acai.model.TestModels;
import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.ProtocolLimits;
import io.acai.records.RunLog;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real cloud server on an ephemeral loopback port, with the default network at version 1 in its store and its log
 * in {@code dir/cloud.log}, for the tests that run real edges against it; no retraining.
 */
final class LoopbackCloud implements AutoCloseable {

    private final RunLog log;
    private final CloudServer server;

    private LoopbackCloud(RunLog log, CloudServer server) {
        this.log = log;
        this.server = server;
    }

    /** @param token the token edges must give, or "" for none */
    static LoopbackCloud start(Path dir, String token) throws Exception {
        RunLog log = RunLog.open(dir.resolve("cloud.log"));
        ModelStore store = ModelStore.open(dir.resolve("store"), TestModels.initialDefaultNetwork(dir.resolve("model"), 1));
        CloudContext context = new CloudContext("test-cloud", new TokenCheck(token), new ConnectedEdges(store, log),
                new UploadQueue(), store, log);
        return new LoopbackCloud(log, CloudServer.start(0, new AcaiPipeline(ProtocolLimits.DEFAULT,
                Duration.ofSeconds(30)), context));
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
        log.close();
    }
}
