package io.acai.launcher.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The line of every value of a JSON text, by the path {@link ConfigNode} gives it ({@code machines[1].port},
 * {@code a["nvidia.com/gpu"]}), so that an error names the line as well as the field. A path that is not
 * found (an expanded group member's, say) takes the line of its nearest ancestor that is.
 *
 * <pre>{@code
 * JsonLines lines = JsonLines.of("{\n \"machines\": [{\"port\": \"98x6\"}]\n}");
 * lines.line("machines[0].port"); // 2
 * }</pre>
 */
final class JsonLines {

    static final JsonLines NONE = new JsonLines(Map.of());

    private final Map<String, Integer> lines;

    private JsonLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** The lines of {@code text}, which has already been read as valid JSON; an empty index if it cannot be. */
    static JsonLines of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> containers = new ArrayDeque<>();
        Deque<Integer> indexes = new ArrayDeque<>();
        String field = null;
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    containers.pop();
                    indexes.pop();
                    continue;
                }
                String path;
                if (containers.isEmpty()) {
                    path = "";
                } else if (indexes.peek() >= 0) {
                    int index = indexes.pop();
                    indexes.push(index + 1);
                    path = containers.peek() + "[" + index + "]";
                } else {
                    path = child(containers.peek(), field);
                }
                lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
                if (token == JsonToken.START_OBJECT) {
                    containers.push(path);
                    indexes.push(-1);
                } else if (token == JsonToken.START_ARRAY) {
                    containers.push(path);
                    indexes.push(0);
                }
            }
        } catch (IOException e) {
            return NONE;
        }
        return new JsonLines(Map.copyOf(lines));
    }

    /** The path of {@code field} in the object at {@code parent}, as {@link ConfigNode#path(String)} writes it. */
    static String child(String parent, String field) {
        if (!field.matches("[A-Za-z0-9_$]+")) {
            return parent + "[\"" + field + "\"]";
        }
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** The line of the value at {@code path}, or of its nearest ancestor; empty when neither is known. */
    OptionalInt line(String path) {
        String at = path;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return OptionalInt.of(line);
            }
            if (at.isEmpty()) {
                return OptionalInt.empty();
            }
            at = parent(at);
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        if (path.endsWith("\"]")) {
            cut = path.lastIndexOf("[\"");
        }
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
