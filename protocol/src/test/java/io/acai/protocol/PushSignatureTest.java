package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A push signed with the token verifies with it, and with nothing else once any field changed. */
class PushSignatureTest {

    private final PushSignature signer = new PushSignature("s3cret");
    private final byte[] weights = SampleMessages.weights(5000, 9);
    private final ModelPush signed = signer.sign(ModelPush.of(7, weights, "[net]\nwidth=416\n", "circle\nsquare\n"));

    @Test
    void isTheHmacSha256OfTheDocumentedFields() throws Exception {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(message);
        out.write("ACAI model push\0".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(7);
        out.write(ModelDigest.sha256(weights));
        writeText(out, "[net]\nwidth=416\n");
        writeText(out, "circle\nsquare\n");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        assertThat(signed.signature()).hasSize(PushSignature.LENGTH).isEqualTo(mac.doFinal(message.toByteArray()));
        assertThat(signer.verifies(signed)).isTrue();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Test
    void anotherTokenDoesNotVerify() {
        assertThat(new PushSignature("s3cret ").verifies(signed)).isFalse();
        assertThat(new PushSignature("other").verifies(signed)).isFalse();
    }

    @Test
    void anyChangedFieldFailsIt() {
        byte[] altered = weights.clone();
        altered[4000] ^= 1;
        // the digest field is made to match the altered weights: only the signature can tell
        ModelPush swappedWeights = new ModelPush(7, ModelDigest.sha256(altered), altered, signed.cfg(), signed.names(),
                signed.signature());
        ModelPush otherVersion = new ModelPush(8, signed.sha256(), weights, signed.cfg(), signed.names(),
                signed.signature());
        ModelPush otherCfg = new ModelPush(7, signed.sha256(), weights, "[net]\nwidth=608\n", signed.names(),
                signed.signature());
        ModelPush otherNames = new ModelPush(7, signed.sha256(), weights, signed.cfg(), "square\ncircle\n",
                signed.signature());

        assertThat(swappedWeights.digestMatches()).isTrue();
        assertThat(signer.verifies(swappedWeights)).isFalse();
        assertThat(signer.verifies(otherVersion)).isFalse();
        assertThat(signer.verifies(otherCfg)).isFalse();
        assertThat(signer.verifies(otherNames)).isFalse();
    }

    @Test
    void anUnsignedPushDoesNotVerify() {
        ModelPush unsigned = ModelPush.of(7, weights);
        assertThat(unsigned.isSigned()).isFalse();
        assertThat(unsigned.toString()).contains("unsigned");
        assertThat(signer.verifies(unsigned)).isFalse();
        assertThat(signer.verifies(unsigned.withSignature(new byte[PushSignature.LENGTH]))).isFalse();
    }

    @Test
    void needsATokenAndNeverShowsIt() {
        assertThatThrownBy(() -> new PushSignature("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("token : empty");
        assertThat(signer.toString()).doesNotContain("s3cret");
        assertThat(signed.toString()).contains("signed").doesNotContain("s3cret");
    }

    @Test
    void aSignatureIsZeroOr32Bytes() {
        assertThatThrownBy(() -> signed.withSignature(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signature : 16 bytes (expected: 0 or 32)");
    }
}
