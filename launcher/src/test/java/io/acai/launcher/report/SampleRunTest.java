package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Writes the fixture logs and their report into a folder you name, to look at the charts or to run the notebook
 * against: {@code mvn -o -q test -pl launcher -Dtest=SampleRunTest -Dacai.report.sampleDir=/tmp/acai-sample-logs}.
 */
class SampleRunTest {

    @Test
    void writesSampleLogsAndReport() throws IOException {
        String dir = System.getProperty("acai.report.sampleDir");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(),
                "set -Dacai.report.sampleDir=DIR to write sample logs and their report there");

        FixtureLogs.write(Path.of(dir));
        FixtureLogs.addStaticControl(Path.of(dir));

        assertThat(ReportCommand.run(Path.of(dir))).isZero();
    }
}
