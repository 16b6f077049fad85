/**
 * The binary protocol between edge apps and the cloud app, on Netty.
 *
 * <h2>Messages</h2>
 * Every message is an immutable record implementing the sealed {@link io.acai.protocol.Message};
 * its {@link io.acai.protocol.MessageType} gives the code on the wire. None holds a Netty buffer,
 * so handlers never release them. A session runs:
 *
 * <pre>
 * edge                                cloud
 *  Hello(edgeId, token, sw, model) --&gt;
 *                                  &lt;-- HelloAck(cloudId, newestModel)     or ErrorMessage(UNAUTHORIZED), close
 *                                  &lt;-- ModelPush(version, sha256, weights[, cfg, names], signature)   when newer
 *  ModelAck(version, ok, reason)   --&gt;
 *  ModelRequest(currentVersion)    --&gt;                                    after a failed check
 *  UploadBatch(batchId, edgeId, [UploadImage(id, w, h, file, [Label])]) --&gt;
 *                                  &lt;-- UploadAck(batchId, accepted, duplicate)
 *  Heartbeat(millis)              &lt;-&gt;                                     on write silence
 *  ErrorMessage(code, message)    &lt;-&gt;                                     a request refused
 * </pre>
 *
 * Images travel as JPEG files (PNG files when an edge uploads losslessly) with darknet-style labels (class,
 * normalised centre and size), never as Java-serialised objects or tensors.
 * {@link io.acai.protocol.ModelPush#of(int, byte[])} computes the SHA-256 ({@link io.acai.protocol.ModelDigest});
 * the edge checks {@link io.acai.protocol.ModelPush#digestMatches()}. A cloud with a token signs each push with it
 * ({@link io.acai.protocol.PushSignature}, an HMAC-SHA256), and an edge with the token takes only
 * pushes that verify.
 *
 * <h2>Pipeline</h2>
 * {@link io.acai.protocol.AcaiPipeline#install(io.netty.channel.ChannelPipeline)} adds, in order:
 * the idle-state handler, on a server {@link io.acai.protocol.HelloDeadline},
 * {@link io.acai.protocol.AcaiFrameDecoder} (length prefix and header, checked as they arrive),
 * {@link io.acai.protocol.AcaiDecoder} (payload),
 * {@link io.acai.protocol.AcaiEncoder} and {@link io.acai.protocol.HeartbeatHandler}. The
 * application's handler goes after them and handles {@link io.acai.protocol.Message}s; decoding
 * failures reach its {@code exceptionCaught} as a {@link io.netty.handler.codec.CorruptedFrameException}
 * or {@link io.netty.handler.codec.TooLongFrameException}, whose message names the bad value, and
 * timeouts (a silent peer, no Hello by the deadline) as a {@link io.acai.protocol.PeerTimeoutException};
 * it should log them in the application's log and close the channel. A server's handler fires
 * {@link io.acai.protocol.HelloAccepted} once it accepted a Hello, which lifts the small frame limit
 * before Hello and stops the deadline. Values a peer sent go into logs through
 * {@link io.acai.protocol.LogText#escape(String)}. A refused write (a batch over the limits) fails its
 * {@code ChannelFuture} with an {@link io.netty.handler.codec.EncoderException}.
 * Limits (frame length, images per batch, bytes per image) are one
 * {@link io.acai.protocol.ProtocolLimits}, the same on both ends.
 *
 * <h2>Bytes on the wire</h2>
 * {@link io.acai.protocol.AcaiEncoder#encodedSize(io.acai.protocol.Message)} is the exact frame size
 * of a message, length prefix included, both for one about to be sent and for one just received
 * (decoding is the exact inverse of encoding): add it up for {@code bytes_up} and {@code bytes_down}.
 * TCP/IP overhead is not included.
 *
 * <h2>Wire format</h2>
 * See {@link io.acai.protocol.WireFormat} for the frame and a byte example, and each message class
 * for its payload.
 */
package io.acai.protocol;
