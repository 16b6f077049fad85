package io.acai.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The token comes from --token, --token-file or ACAI_TOKEN, in that order, and is one line of text. */
class TokenOptionTest {

    @Command(name = "app")
    static final class App {
        @Mixin
        TokenOption token;
    }

    @TempDir
    Path dir;

    private static TokenOption parse(String... args) {
        App app = new App();
        new CommandLine(app).parseArgs(args);
        return app.token;
    }

    @Test
    void aTokenFileGivesItsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "s3cret\n");
        TokenOption option = parse("--token-file", file.toString());

        assertThat(option.token(Map.of())).isEqualTo("s3cret");
        assertThat(option.source(Map.of())).isEqualTo("--token-file " + file);
        Files.writeString(file, "s3cret\r\n");
        assertThat(option.token(Map.of())).isEqualTo("s3cret");
        Files.writeString(file, "no newline");
        assertThat(option.token(Map.of())).isEqualTo("no newline");
    }

    @Test
    void theEnvironmentGivesItWhenNoOptionDoes() throws IOException {
        Map<String, String> env = Map.of(TokenOption.ENVIRONMENT_VARIABLE, "from-env");

        assertThat(parse().token(env)).isEqualTo("from-env");
        assertThat(parse().source(env)).isEqualTo("the environment (ACAI_TOKEN)").doesNotContain("from-env");
        assertThat(parse("--token", "given").token(env)).isEqualTo("given");
        assertThat(parse().token(Map.of(TokenOption.ENVIRONMENT_VARIABLE, ""))).isEmpty();
        assertThat(parse().source(Map.of())).isEqualTo("none");
    }

    @Test
    void badTokensAreRefusedNamingWhereTheyCameFrom() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path twoLines = Files.writeString(dir.resolve("two"), "a\nb\n");
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> parse("--token", "a", "--token-file", empty.toString()).token(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--token and --token-file are both given (expected: one of them)");
        assertThatThrownBy(() -> parse("--token-file", empty.toString()).token(Map.of()))
                .hasMessage("--token-file " + empty + ": holds no token (expected: one line, the secret)");
        assertThatThrownBy(() -> parse("--token-file", twoLines.toString()).token(Map.of()))
                .hasMessage("--token-file " + twoLines + ": the token holds a line break (expected: one line)");
        assertThatThrownBy(() -> parse("--token-file", missing.toString()).token(Map.of()))
                .isInstanceOf(IOException.class).hasMessageStartingWith("--token-file " + missing + ": cannot read it");
        assertThatThrownBy(() -> parse().token(Map.of(TokenOption.ENVIRONMENT_VARIABLE, "x".repeat(70_000))))
                .hasMessage("ACAI_TOKEN: the token is 70000 bytes long (expected: at most 65535)");
    }
}
