package io.acai.edge.upload;

import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.UpdateRow;

/**
 * The times of the update in progress, from the buffer reaching the threshold to the new model
 * serving, and whether one is outstanding (a new upload waits until it is not). Thread-safe.
 */
public final class UpdateTracker {

    private final CsvRowWriter<UpdateRow> csv;
    private boolean outstanding;
    private long updateStart;
    private long prepare;
    private long sendStart;
    private long sendEnd;
    private int images;
    private long bytesUp;
    private long receive;
    private long bytesDown;
    private long batchId = -1;
    private boolean acknowledged;

    public UpdateTracker(CsvRowWriter<UpdateRow> csv) {
        this.csv = csv;
    }

    /** Starts an update unless one is outstanding; returns whether it started. */
    public synchronized boolean begin(long now) {
        if (outstanding) {
            return false;
        }
        reset();
        outstanding = true;
        updateStart = now;
        return true;
    }

    public synchronized void prepared(long now, long batchId, int images, long bytes) {
        prepare = now;
        this.batchId = batchId;
        this.images = images;
        bytesUp = bytes;
    }

    /** The batch is being written; a resend after a reconnect keeps the first start. */
    public synchronized void sending(long now) {
        if (outstanding && sendStart == 0) {
            sendStart = now;
        }
    }

    public synchronized void sent(long now) {
        if (outstanding) {
            sendEnd = now;
        }
    }

    /** The cloud acknowledged a batch; it is this update's when the ids match. */
    public synchronized void acknowledged(long ackedBatchId) {
        if (outstanding && ackedBatchId == batchId) {
            acknowledged = true;
        }
    }

    /** Whether the cloud acknowledged this update's batch. */
    public synchronized boolean acknowledged() {
        return acknowledged;
    }

    /** A model arrived; its bytes add up when one update needed several pushes. */
    public synchronized void received(long now, long bytes) {
        receive = now;
        bytesDown += bytes;
    }

    /** The model {@code version} serves now: writes the row and ends the update. */
    public synchronized UpdateRecord finished(long now, int version) {
        UpdateRecord record = new UpdateRecord(updateStart, prepare, sendStart, sendEnd, receive == 0 ? now : receive,
                now, images, bytesUp, bytesDown, version);
        csv.write(record.row());
        outstanding = false;
        reset();
        return record;
    }

    /** The update ended without a new model (the cloud's retrain failed); the next upload may start. */
    public synchronized void abandon() {
        outstanding = false;
        reset();
    }

    public synchronized boolean outstanding() {
        return outstanding;
    }

    private void reset() {
        updateStart = 0;
        prepare = 0;
        sendStart = 0;
        sendEnd = 0;
        images = 0;
        bytesUp = 0;
        receive = 0;
        bytesDown = 0;
        batchId = -1;
        acknowledged = false;
    }
}
