package io.acai.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloudMainTest {

    private static String stderrOf(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(CloudMain.run(args)).isEqualTo(2);
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void missingArgumentsPrintTheUsageInOrderAndExitWithTwo() {
        String usage = stderrOf();
        assertThat(usage).contains("Missing required parameters: '<port>', '<log file>', '<csv file>'");
        assertThat(usage).containsSubsequence("<port>", "<log file>", "<csv file>");
    }

    @Test
    void aBadOptionValueNamesTheOption() {
        assertThat(stderrOf("5000", "cloud.log", "cloud.csv", "--epochs", "many")).contains("--epochs").contains("many");
    }
}
