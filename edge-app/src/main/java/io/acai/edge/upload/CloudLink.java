package io.acai.edge.upload;

import io.acai.protocol.Message;
import io.acai.protocol.UploadBatch;

/** What the edge sends to the cloud; the connection to the cloud implements it. */
public interface CloudLink {

    /**
     * Uploads a batch: now if connected, else after the next hello, and again after any reconnect
     * until the cloud acknowledges it.
     */
    void upload(UploadBatch batch);

    /** Sends a message if connected; returns whether it was handed to the connection. */
    boolean send(Message message);
}
