package io.acai.cloud.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.cloud.server.EdgeRegistry;
import io.acai.cloud.server.ModelPusher;
import io.acai.cloud.store.ModelStore;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.model.TestModels;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.ModelPush;
import io.acai.protocol.UploadImage;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.RetrainRow;
import io.netty.channel.embedded.EmbeddedChannel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One round of the retrain loop, with the contributor and a bystander edge as in-memory channels. */
class RetrainLoopTest {

    @TempDir
    Path tmp;

    private final EmbeddedChannel contributor = new EmbeddedChannel();
    private final EmbeddedChannel bystander = new EmbeddedChannel();

    private Round round() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), "jpg", jpeg);
        UploadImage image = new UploadImage("i1", 16, 16, jpeg.toByteArray(), List.of());
        return new Round(List.of(new PendingImage("e1", image, 5)), 5);
    }

    private int runRound(Retrainer retrainer, ModelStore store, Path csvFile) throws Exception {
        EdgeRegistry edges = new EdgeRegistry();
        edges.register("e1", contributor);
        edges.register("e2", bystander);
        try (RunLog log = RunLog.open(tmp.resolve("cloud.log")); CsvRowWriter<RetrainRow> csv = RetrainRow.SCHEMA.create(csvFile)) {
            RetrainLoop loop = new RetrainLoop(new UploadQueue(), store, retrainer, new ReplayBuffer(4, 1), edges,
                    new ModelPusher(store, log), PushPolicy.CONTRIBUTORS, 1, csv, log);
            loop.retrain(round());
        }
        return store.current().version();
    }

    @Test
    void pushesTheSavedVersionToTheContributorsOnlyAndWritesARow() throws Exception {
        ModelStore store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("m"), 1));
        byte[] retrained = DarknetWeights.initial(store.cfg(), 2).encode();
        Path csv = tmp.resolve("cloud.csv");
        int version = runRound((weights, frames) -> new RetrainOutcome(retrained, 2.0, 1.0, 1, "cpu"), store, csv);

        assertThat(version).isEqualTo(1);
        ModelPush push = contributor.readOutbound();
        assertThat(push.version()).isEqualTo(1);
        assertThat(push.weights()).isEqualTo(retrained);
        assertThat((Object) bystander.readOutbound()).as("not a contributor").isNull();
        assertThat(RetrainRow.SCHEMA.readAll(csv)).singleElement().satisfies(row -> {
            assertThat(row.received()).isEqualTo(5);
            assertThat(row).extracting(RetrainRow::images, RetrainRow::edges, RetrainRow::epochs, RetrainRow::lossFirst,
                    RetrainRow::lossLast, RetrainRow::device, RetrainRow::modelVersion)
                    .containsExactly(1.0, 1.0, 1.0, 2.0, 1.0, "cpu", "1");
        });
    }

    @Test
    void aFailedRetrainKeepsTheVersionAndTellsTheContributors() throws Exception {
        ModelStore store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("m"), 1));
        Path csv = tmp.resolve("cloud.csv");
        int version = runRound((weights, frames) -> {
            throw new IllegalStateException("out of memory");
        }, store, csv);

        assertThat(version).isZero();
        ErrorMessage error = contributor.readOutbound();
        assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(error.message()).isEqualTo("retrain failed: out of memory");
        assertThat((Object) bystander.readOutbound()).isNull();
        assertThat(RetrainRow.SCHEMA.readAll(csv)).isEmpty();
    }

    @Test
    void weightsTheStoreRefusesAreAFailedRetrain() throws Exception {
        ModelStore store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("m"), 1));
        int version = runRound((weights, frames) -> new RetrainOutcome(new byte[] {1, 2, 3}, 1, 1, 1, "cpu"), store,
                tmp.resolve("cloud.csv"));

        assertThat(version).isZero();
        ErrorMessage error = contributor.readOutbound();
        assertThat(error.message()).startsWith("retrain failed: retrained weights for v1: refused");
    }
}
