package io.acai.records.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvValuesTest {

    @Test
    void readsCommaSeparatedValuesWithQuotedCommasAndEmptyOnes() {
        assertThat(CsvValues.parse("a.cfg,b.weights,c.names")).containsExactly("a.cfg", "b.weights", "c.names");
        assertThat(CsvValues.parse("\"models/a,b.cfg\",w,n")).containsExactly("models/a,b.cfg", "w", "n");
        assertThat(CsvValues.parse("models/dir")).containsExactly("models/dir");
        assertThat(CsvValues.parse("a,,b,")).containsExactly("a", "", "b", "");
        assertThat(CsvValues.parse(" a , b")).as("spaces kept").containsExactly(" a ", " b");
        assertThat(CsvValues.parse("")).isEmpty();
    }

    @Test
    void writesWhatItReadsBack() {
        List<String> values = List.of("plain", "with,comma", "with \"quote\"", "");
        String line = CsvValues.format(values);
        assertThat(line).isEqualTo("plain,\"with,comma\",\"with \"\"quote\"\"\",");
        assertThat(CsvValues.parse(line)).isEqualTo(values);
    }

    @Test
    void refusesAnOpenQuoteOrALineBreak() {
        assertThatThrownBy(() -> CsvValues.parse("\"a,b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'\"a,b' is not a comma-separated list (");
        assertThatThrownBy(() -> CsvValues.parse("a\nb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'a\nb' holds a line break (expected: values on one line)");
    }
}
