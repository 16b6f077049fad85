package io.acai.cloud.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.protocol.Label;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UploadQueueTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    private static UploadImage image(String id) {
        return new UploadImage(id, 4, 4, JPEG, List.of(new Label(0, 0.5f, 0.5f, 0.2f, 0.2f)));
    }

    @Test
    void aResentBatchIsADuplicateAndAddsNothing() throws Exception {
        UploadQueue queue = new UploadQueue();
        UploadBatch batch = new UploadBatch(7, "edge-1", List.of(image("a"), image("b")));
        assertThat(queue.offer(batch, 1)).isEqualTo(new UploadQueue.Receipt(2, false));
        assertThat(queue.offer(batch, 2)).isEqualTo(new UploadQueue.Receipt(0, true));
        assertThat(queue.pendingImages()).isEqualTo(2);
    }

    @Test
    void theSameBatchIdFromAnotherEdgeIsNew() throws Exception {
        UploadQueue queue = new UploadQueue();
        queue.offer(new UploadBatch(7, "edge-1", List.of(image("a"))), 1);
        assertThat(queue.offer(new UploadBatch(7, "edge-2", List.of(image("a"))), 2).accepted()).isEqualTo(1);
    }

    @Test
    void anImageSeenBeforeIsDroppedFromANewBatch() throws Exception {
        UploadQueue queue = new UploadQueue();
        queue.offer(new UploadBatch(1, "edge-1", List.of(image("a"))), 1);
        assertThat(queue.offer(new UploadBatch(2, "edge-1", List.of(image("a"), image("b"))), 2).accepted())
                .isEqualTo(1);
    }

    @Test
    void takeWaitsForTheMinimumThenTakesEverything() throws Exception {
        UploadQueue queue = new UploadQueue();
        queue.offer(new UploadBatch(1, "edge-1", List.of(image("a"))), 10);
        assertThat(queue.take(2, 50, TimeUnit.MILLISECONDS)).isNull();
        queue.offer(new UploadBatch(2, "edge-2", List.of(image("b"), image("c"))), 20);
        Round round = queue.take(2, 1, TimeUnit.SECONDS);
        assertThat(round.images()).hasSize(3);
        assertThat(round.edges()).containsExactly("edge-1", "edge-2");
        assertThat(round.receivedMillis()).isEqualTo(20);
        assertThat(queue.pendingImages()).isZero();
    }

    @Test
    void uploadsDuringARoundWaitForTheNext() throws Exception {
        UploadQueue queue = new UploadQueue();
        queue.offer(new UploadBatch(1, "edge-1", List.of(image("a"))), 1);
        Round first = queue.take(0, 1, TimeUnit.SECONDS);
        queue.offer(new UploadBatch(2, "edge-1", List.of(image("b"))), 2);
        Round second = queue.take(0, 1, TimeUnit.SECONDS);
        assertThat(first.images()).extracting(p -> p.image().imageId()).containsExactly("a");
        assertThat(second.images()).extracting(p -> p.image().imageId()).containsExactly("b");
    }

    @Test
    void forgetsTheOldestIdsBeyondItsMemory() throws Exception {
        UploadQueue queue = new UploadQueue(1);
        queue.offer(new UploadBatch(1, "edge-1", List.of(image("a"))), 1);
        queue.offer(new UploadBatch(2, "edge-1", List.of(image("b"))), 1);
        assertThat(queue.offer(new UploadBatch(1, "edge-1", List.of(image("c"))), 1).duplicate()).isFalse();
    }
}
