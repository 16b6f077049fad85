package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFileTest {

    @TempDir
    Path tmp;

    @Test
    void eachLineIsOneMembersArgumentsSkippingBlankAndCommentLines() throws Exception {
        Path file = tmp.resolve("edges.host");
        Files.writeString(file, """
                # two members
                ["10.0.0.1", "9000", "a.log", "b.log", "a.csv", "b.csv", "1", "edge-1", "--bind", "10.0.0.11"]

                  [ "none" ,"0","x y", "tab\\there", "quote\\"d", "back\\\\slash", "\\u00e9", "edge-2" ]\t
                []
                """);
        List<HostFile.Line> lines = HostFile.read(file);
        assertThat(lines).extracting(HostFile.Line::number).containsExactly(2, 4, 5);
        assertThat(lines.get(0).args()).containsExactly("10.0.0.1", "9000", "a.log", "b.log", "a.csv", "b.csv", "1",
                "edge-1", "--bind", "10.0.0.11");
        assertThat(lines.get(1).args()).containsExactly("none", "0", "x y", "tab\there", "quote\"d", "back\\slash",
                "\u00e9", "edge-2");
        assertThat(lines.get(2).args()).isEmpty();
    }

    @Test
    void aBadLineNamesTheFileTheLineAndTheColumn() throws Exception {
        Path file = tmp.resolve("edges.host");
        Files.writeString(file, "[\"a\"]\n[\"a\" \"b\"]\n");
        assertThatThrownBy(() -> HostFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":2: column 6: '\"' where ',' or ']' belongs (expected: " + HostFile.EXPECTED + ")");
    }

    @Test
    void everyKindOfMalformedLineFailsWithWhatIsWrong() {
        assertThat(message("edge-1 a b")).isEqualTo("column 1: 'e' where '[' belongs");
        assertThat(message("[\"a\", 3]")).isEqualTo("column 7: '3' where '\"' belongs");
        assertThat(message("[\"a\"")).isEqualTo("column 5: the line ends early");
        assertThat(message("[\"a] ")).isEqualTo("column 6: the line ends early");
        assertThat(message("[\"a\"] x")).isEqualTo("column 7: text after the array");
        assertThat(message("[\"\\q\"]")).isEqualTo("column 4: unknown escape \\q");
        assertThat(message("[\"\\u12\"]")).isEqualTo("column 5: a \\u escape without four hex digits");
    }

    @Test
    void aFileWithoutAMemberFails() throws Exception {
        Path file = tmp.resolve("empty.host");
        Files.writeString(file, "# nothing\n\n");
        assertThatThrownBy(() -> HostFile.read(file)).hasMessageContaining(file + ": no member");
    }

    private static String message(String line) {
        try {
            HostFile.parse(line);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("parsed: " + line);
    }
}
