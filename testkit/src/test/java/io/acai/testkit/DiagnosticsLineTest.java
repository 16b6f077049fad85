package io.acai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsLineTest {

    private static final String LINE = DiagnosticsLine.pattern("WARN", "CloudCommand", "relay 10.0.0.1:9000: refusing *");

    @Test
    void matchesTimeLevelLoggerAndTextLiterally() {
        assertThat("2026-12-06T22:31:04.512Z WARN CloudCommand - relay 10.0.0.1:9000: refusing *\n").matches(LINE);
        assertThat("2026-12-06T22:31:04.512+01:00 WARN CloudCommand - relay 10.0.0.1:9000: refusing *\r\n").matches(LINE);
    }

    @Test
    void rejectsAnotherLevelAMissingTimeOrOtherText() {
        assertThat("2026-12-06T22:31:04.512Z INFO CloudCommand - relay 10.0.0.1:9000: refusing *\n").doesNotMatch(LINE);
        assertThat("WARN CloudCommand - relay 10.0.0.1:9000: refusing *\n").doesNotMatch(LINE);
        assertThat("2026-12-06T22:31:04Z WARN CloudCommand - relay 10.0.0.1:9000: refusing *\n").doesNotMatch(LINE);
        assertThat("2026-12-06T22:31:04.512Z WARN CloudCommand - relay 10x0.0.1:9000: refusing *\n").doesNotMatch(LINE);
        assertThat("2026-12-06T22:31:04.512Z WARN CloudCommand - relay 10.0.0.1:9000: refusing *").doesNotMatch(LINE);
    }
}
