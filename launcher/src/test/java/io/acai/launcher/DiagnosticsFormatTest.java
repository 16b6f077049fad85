package io.acai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.testkit.ConsoleCapture;
import io.acai.testkit.DiagnosticsLine;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLoggerFactory;

/**
 * SLF4J in this jar: slf4j-simple alone, to stderr, in the format of simplelogger.properties; Commons Logging
 * bridged to it.
 */
class DiagnosticsFormatTest {

    @Test
    void diagnosticsGoToStderrAsTimeLevelLoggerText() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(SimpleLoggerFactory.class);
        String err = ConsoleCapture.stderrOf(() -> {
            LoggerFactory.getLogger(LauncherMain.class).warn("relay {}: refusing {}", "10.0.0.1:9000", "10.0.0.9");
            // PDFBox (under XChart) logs through Commons Logging: jcl-over-slf4j brings it here too
            LogFactory.getLog(LauncherMain.class).warn("font cache rebuilt");
        });
        assertThat(err).matches(DiagnosticsLine.pattern("WARN", "LauncherMain", "relay 10.0.0.1:9000: refusing 10.0.0.9")
                + DiagnosticsLine.pattern("WARN", "LauncherMain", "font cache rebuilt"));
    }
}
