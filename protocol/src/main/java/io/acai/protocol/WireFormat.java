package io.acai.protocol;

/**
 * Constants of the ACAI frame, the unit every message travels in.
 *
 * <pre>
 * +----------------+----------------+---------+---------+----------------------+
 * | length uint32  | magic int32    | version | type    | payload              |
 * | bytes after it | 0x41434149     | uint8 2 | uint8   | length - 6 bytes     |
 * +----------------+----------------+---------+---------+----------------------+
 * </pre>
 *
 * All integers are big-endian. {@code length} counts the bytes that follow it, so a frame takes
 * {@code 4 + length} bytes on the wire, at most {@link ProtocolLimits#maxFrameLength()}; it is read
 * unsigned, so a garbage length like {@code FF FF FF FF} is refused as too long.
 *
 * <p>The receiver checks the header as it arrives, before it holds any payload
 * ({@link AcaiFrameDecoder}): the length as soon as its 4 bytes are in, then the magic, the version
 * and the type, then the length against that type's own bound
 * ({@link ProtocolLimits#maxFrameLength(MessageType)}: 18 bytes for a heartbeat, the string16 bounds
 * for the small messages, {@code maxFrameLength} for uploads and model pushes). Until the cloud has
 * accepted a {@link Hello}, no frame may exceed {@link ProtocolLimits#maxFrameLengthBeforeHello()}
 * (4 KiB), and the Hello must come within the cloud's Hello deadline. A bad header closes the
 * connection at once.
 *
 * <p>A {@link Heartbeat} sent at 1,700,000,000,000 ms is 18 bytes:
 *
 * <pre>
 * 00 00 00 0E   length 14
 * 41 43 41 49   magic "ACAI"
 * 02            version 2
 * 08            type HEARTBEAT
 * 00 00 01 8B CF E5 68 00   timestampMillis
 * </pre>
 *
 * Payload field types: {@code int32}, {@code int64}, {@code float32} (IEEE 754), {@code bool}
 * (one byte, 0 or 1), {@code string16} (uint16 byte count, then UTF-8), {@code text32} (int32 byte
 * count, then UTF-8), {@code bytes32} (int32 byte count, then raw bytes), {@code bytes8} (uint8 byte
 * count, then raw bytes). The layout of each payload is documented on its message class.
 *
 * <p>Version 2 added the signature at the end of {@link ModelPush}; everything else is as in version 1.
 * A version 1 peer is refused at its first frame ("Unsupported version: 1 (expected: 2)"), so an edge
 * and a cloud of different versions fail at the Hello rather than on a push.
 */
public final class WireFormat {

    /** "ACAI" in ASCII. */
    public static final int MAGIC = 0x41434149;
    /** 2 since {@link ModelPush} carries a signature. */
    public static final int VERSION = 2;
    /** Bytes of the length prefix. */
    public static final int LENGTH_FIELD_LENGTH = 4;
    /** Bytes after the length prefix and before the payload: magic, version, type. */
    public static final int HEADER_LENGTH = 6;
    /** The longest {@code string16}, in UTF-8 bytes. */
    public static final int MAX_STRING16_BYTES = 0xFFFF;

    private WireFormat() {
    }
}
