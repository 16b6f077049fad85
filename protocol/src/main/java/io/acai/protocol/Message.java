package io.acai.protocol;

/**
 * A message of the edge-cloud protocol. Messages are immutable values; none holds a
 * reference-counted buffer, so handlers never release them.
 */
public sealed interface Message
        permits Hello, HelloAck, UploadBatch, UploadAck, ModelPush, ModelAck, ModelRequest, Heartbeat, ErrorMessage {

    MessageType type();
}
