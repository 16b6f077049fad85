package io.acai.edge.upload;

import io.acai.protocol.ErrorMessage;
import io.acai.protocol.ModelPush;
import io.acai.protocol.UploadAck;

/**
 * What the edge does with the connection's events and the cloud's messages. The connection to the
 * cloud calls it on its own thread, so it must return quickly.
 */
public interface CloudListener {

    /** The model version the edge runs (or is about to), for the hello. */
    int modelVersion();

    /** The unacknowledged batch starts to be written (again, after a reconnect). */
    void batchSending(long millis);

    /** The batch was written to the socket. */
    void batchSent(long millis);

    void batchAcknowledged(UploadAck ack);

    /** A model arrived, {@code bytes} long on the wire. */
    void modelReceived(ModelPush push, long bytes, long millis);

    /**
     * The connection was made again after a loss, and the cloud accepted the hello.
     *
     * @param batchPending whether an unacknowledged batch is being sent again
     */
    void reconnected(boolean batchPending);

    /** The cloud refused something or failed. */
    void cloudError(ErrorMessage error);
}
