package io.acai.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file an edge host ({@code edge-app.jar host FILE}) reads: one member per line, each line a JSON array of strings
 * holding exactly the arguments {@code edge-app.jar} takes for that edge alone; blank lines and lines starting with
 * {@code #} are skipped.
 *
 * <pre>
 * # two edges, each with its own files and its own source address
 * ["10.0.0.1", "9000", "edge_inf.log", "edge_update.log", "edge_inf.csv", "edge_update.csv", "1", "edge-1", "--work-dir", "/logs/edge-1", "--bind", "10.0.0.11"]
 * ["10.0.0.1", "9000", "edge_inf.log", "edge_update.log", "edge_inf.csv", "edge_update.csv", "1", "edge-2", "--work-dir", "/logs/edge-2", "--bind", "10.0.0.12"]
 * </pre>
 *
 * A line that is not such an array fails, naming the file, the line and the column.
 */
final class HostFile {

    /** What a line must be. */
    static final String EXPECTED = "a JSON array of strings, the arguments of edge-app.jar for one edge";

    /**
     * One member's line.
     *
     * @param number the line's number, from 1
     * @param args   the edge's arguments
     */
    record Line(int number, List<String> args) {
    }

    private HostFile() {
    }

    /** The members of {@code file}, in order; throws naming the file and line of the first bad one. */
    static List<Line> read(Path file) throws IOException {
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                lines.add(new Line(i + 1, parse(line)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage() + " (expected: "
                        + EXPECTED + ")", e);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": no member (expected: one line per edge, each " + EXPECTED + ")");
        }
        return lines;
    }

    /** One line's array. */
    static List<String> parse(String line) {
        Cursor in = new Cursor(line);
        in.skipSpaces();
        in.expect('[');
        List<String> args = new ArrayList<>();
        in.skipSpaces();
        if (in.peek() == ']') {
            in.next();
        } else {
            while (true) {
                in.skipSpaces();
                args.add(in.string());
                in.skipSpaces();
                char c = in.next();
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    in.back();
                    throw in.fail("'" + c + "' where ',' or ']' belongs");
                }
            }
        }
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.fail("text after the array");
        }
        return args;
    }

    /** Reads one line, tracking the column for the error messages. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        char peek() {
            if (atEnd()) {
                throw fail("the line ends early");
            }
            return text.charAt(at);
        }

        char next() {
            char c = peek();
            at++;
            return c;
        }

        /** Back to the character just read, for an error naming its column. */
        void back() {
            at--;
        }

        void skipSpaces() {
            while (!atEnd() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        void expect(char c) {
            char found = next();
            if (found != c) {
                at--;
                throw fail("'" + found + "' where '" + c + "' belongs");
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    at--;
                    throw fail("a control character in a string");
                }
                out.append(c == '\\' ? escape() : c);
            }
        }

        private char escape() {
            char c = next();
            return switch (c) {
                case '"', '\\', '/' -> c;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicode();
                default -> {
                    at--;
                    throw fail("unknown escape \\" + c);
                }
            };
        }

        private char unicode() {
            if (at + 4 > text.length()) {
                throw fail("a \\u escape without four hex digits");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(at, at + 4), 16);
                at += 4;
                return c;
            } catch (NumberFormatException e) {
                throw fail("a \\u escape without four hex digits");
            }
        }

        IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("column " + (at + 1) + ": " + what);
        }
    }
}
