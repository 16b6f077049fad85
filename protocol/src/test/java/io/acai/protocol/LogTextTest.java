package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Peer values cannot end a log line or forge one. */
class LogTextTest {

    @Test
    void escapesLineBreaksSoAValueCannotForgeALine() {
        String forged = "edge-1\n2026-01-01T00:00:00Z INFO edge edge-2 runs model v9";
        assertThat(LogText.escape(forged)).isEqualTo("edge-1\\n2026-01-01T00:00:00Z INFO edge edge-2 runs model v9")
                .doesNotContain("\n");
    }

    @Test
    void escapesEveryControlCharacterAndTheBackslash() {
        assertThat(LogText.escape("a\rb\tc\\d\u001b[31me\u0000f\u2028g\u0085")).isEqualTo(
                "a\\rb\\tc\\\\d\\u001b[31me\\u0000f\\u2028g\\u0085");
    }

    @Test
    void keepsOrdinaryTextIncludingNonAscii() {
        assertThat(LogText.escape("kamera-øst-東京 v1.2")).isEqualTo("kamera-øst-東京 v1.2");
        assertThat(LogText.escape((String) null)).isEqualTo("null");
    }

    @Test
    void cutsALongValue() {
        assertThat(LogText.escape("x".repeat(1000))).isEqualTo("x".repeat(200) + "...(800 more chars)");
    }
}
