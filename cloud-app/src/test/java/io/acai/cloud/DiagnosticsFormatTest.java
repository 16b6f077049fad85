package io.acai.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleLoggerFactory;

/** SLF4J in this jar: slf4j-simple alone, to stderr, in the format of simplelogger.properties. */
class DiagnosticsFormatTest {

    @Test
    void diagnosticsGoToStderrAsTimeLevelLoggerText() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(SimpleLoggerFactory.class);
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger(CloudCommand.class).warn("relay {}: refusing {}", "10.0.0.1:9000", "10.0.0.9");
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"
                + "(Z|[+-]\\d{2}:\\d{2}) WARN CloudCommand - relay 10.0.0.1:9000: refusing 10.0.0.9\\R");
    }
}
