package io.acai.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.testkit.ConsoleCapture;
import io.acai.testkit.DiagnosticsLine;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLoggerFactory;

/** SLF4J in this jar: slf4j-simple alone, to stderr, in the format of simplelogger.properties. */
class DiagnosticsFormatTest {

    @Test
    void diagnosticsGoToStderrAsTimeLevelLoggerText() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(SimpleLoggerFactory.class);
        String err = ConsoleCapture.stderrOf(
                () -> LoggerFactory.getLogger(CloudCommand.class).warn("relay {}: refusing {}", "10.0.0.1:9000", "10.0.0.9"));
        assertThat(err).matches(DiagnosticsLine.pattern("WARN", "CloudCommand", "relay 10.0.0.1:9000: refusing 10.0.0.9"));
    }
}
