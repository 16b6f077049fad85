package io.acai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ConsoleCaptureTest {

    @Test
    void keepsWhatTheCommandPrintedAndItsExitCode() {
        ConsoleCapture result = ConsoleCapture.run(() -> {
            System.out.println("näive out");
            System.err.print("err without a line break");
            return 3;
        });
        assertThat(result).isEqualTo(new ConsoleCapture(3, "näive out" + System.lineSeparator(), "err without a line break"));
        assertThat(ConsoleCapture.stderrOf(() -> System.err.print("e"))).isEqualTo("e");
    }

    @Test
    void restoresTheStreamsWhenTheCommandThrows() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        assertThatThrownBy(() -> ConsoleCapture.run(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
    }
}
