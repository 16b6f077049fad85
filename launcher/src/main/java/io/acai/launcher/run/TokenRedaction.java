package io.acai.launcher.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens out of what the launcher prints or writes: a config's {@code machines[].app.token} becomes
 * {@value #SHOWN}, and so does the value after {@code --token} (or of {@code --token=...}) in
 * {@code machines[].args} and {@code command}, or in a command line.
 */
final class TokenRedaction {

    /** What stands for a token. */
    static final String SHOWN = "(set; not shown)";
    private static final String OPTION = "--token";

    private TokenRedaction() {
    }

    /** A copy of {@code config} without its tokens; null stays null. */
    static JsonNode config(JsonNode config) {
        if (config == null) {
            return null;
        }
        JsonNode copy = config.deepCopy();
        for (JsonNode machine : copy.path("machines")) {
            if (!(machine instanceof ObjectNode)) {
                continue;
            }
            JsonNode app = machine.path("app");
            if (app instanceof ObjectNode appObject && appObject.has("token")) {
                appObject.put("token", SHOWN);
            }
            for (String field : List.of("args", "command")) {
                if (machine.path(field) instanceof ArrayNode array) {
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i).isTextual()) {
                            String arg = array.get(i).asText();
                            if (arg.equals(OPTION) && i + 1 < array.size()) {
                                array.set(++i, array.textNode(SHOWN));
                            } else if (arg.startsWith(OPTION + "=")) {
                                array.set(i, array.textNode(OPTION + "=" + SHOWN));
                            }
                        }
                    }
                }
            }
        }
        return copy;
    }

    /** {@code args} with the value of every {@code --token} replaced. */
    static List<String> args(List<String> args) {
        List<String> shown = new ArrayList<>(args);
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).equals(OPTION) && i + 1 < shown.size()) {
                shown.set(++i, SHOWN);
            } else if (shown.get(i).startsWith(OPTION + "=")) {
                shown.set(i, OPTION + "=" + SHOWN);
            }
        }
        return shown;
    }
}
