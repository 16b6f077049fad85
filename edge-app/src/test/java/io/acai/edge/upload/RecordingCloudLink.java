package io.acai.edge.upload;

import io.acai.protocol.Message;
import io.acai.protocol.UploadBatch;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A {@link CloudLink} in memory: keeps every batch and message handed to it, as if always connected. */
final class RecordingCloudLink implements CloudLink {

    final BlockingQueue<UploadBatch> uploads = new LinkedBlockingQueue<>();
    final BlockingQueue<Message> sent = new LinkedBlockingQueue<>();

    @Override
    public void upload(UploadBatch batch) {
        uploads.add(batch);
    }

    @Override
    public boolean send(Message message) {
        sent.add(message);
        return true;
    }
}
