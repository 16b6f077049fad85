package io.acai.protocol;

/**
 * The message types, each with the code it carries in the frame header.
 * Codes are part of the wire format: never renumber one.
 */
public enum MessageType {
    /** Edge to cloud, first message on a connection. */
    HELLO(1),
    /** Cloud to edge, the edge is accepted. */
    HELLO_ACK(2),
    /** Edge to cloud, mispredicted frames with their labels. */
    UPLOAD_BATCH(3),
    /** Cloud to edge, a batch was stored. */
    UPLOAD_ACK(4),
    /** Cloud to edge, new darknet weights. */
    MODEL_PUSH(5),
    /** Edge to cloud, a push was installed or refused. */
    MODEL_ACK(6),
    /** Edge to cloud, send the latest model again (for example after a checksum mismatch). */
    MODEL_REQUEST(7),
    /** Either way, keeps an idle connection alive. */
    HEARTBEAT(8),
    /** Either way, a request was refused. */
    ERROR(9);

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The code in the frame header, 1 to 255. */
    public int code() {
        return code;
    }

    /**
     * The type with the given code.
     *
     * @throws IllegalArgumentException when no type has that code
     */
    public static MessageType valueOf(int code) {
        MessageType type = find(code);
        if (type == null) {
            throw new IllegalArgumentException("Unknown message type: " + code);
        }
        return type;
    }

    /** The type with the given code, or {@code null}. */
    static MessageType find(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
