package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path to one value of a user config, as a campaign's parameters name it: fields joined by dots, an
 * array element chosen by a name or an index in brackets.
 *
 * <pre>
 * experiment.duration
 * machines[cloud].app.minRetrainImages          the machine whose "name" is cloud
 * connections[cloud~edge-far].bandwidthFrom     the connection between cloud and edge-far (node1 and node2 in either order)
 * machines[2].resources.limits.cpu              a plain index, from 0
 * </pre>
 *
 * Applying a path sets the value in a config tree. Objects on the way that the config leaves out are
 * created (a sweep may set {@code app.minRetrainImages} on a machine without {@code app}), so a
 * misspelt field is left to the config's validator, which names the fields it knows; an element that
 * no name or index matches is an error here, naming what exists.
 */
public final class ConfigPath {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)((?:\\[[^\\[\\]]*\\])*)");
    private static final Pattern SELECTOR = Pattern.compile("\\[([^\\[\\]]*)\\]");

    /** One field, with the array selectors that follow it ({@code machines[cloud]}: field machines, selector cloud). */
    private record Segment(String field, List<String> selectors) {
    }

    private final String text;
    private final List<Segment> segments;

    private ConfigPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Reads {@code text}.
     *
     * @throws ConfigPathException when it is not a path, naming the part that is not
     */
    public static ConfigPath parse(String text) throws ConfigPathException {
        if (text == null || text.isBlank()) {
            throw new ConfigPathException("\"" + text + "\" is not a path (expected: fields joined by dots, like "
                    + "machines[cloud].app.minRetrainImages)");
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher matcher = SEGMENT.matcher(part);
            if (!matcher.matches()) {
                throw new ConfigPathException(text + ": \"" + part + "\" is not a path segment (expected: a field name, "
                        + "optionally followed by [name], [a~b] or [index], like machines[cloud] or connections[cloud~edge-far])");
            }
            List<String> selectors = new ArrayList<>();
            Matcher selector = SELECTOR.matcher(matcher.group(2));
            while (selector.find()) {
                String key = selector.group(1).trim();
                if (key.isEmpty()) {
                    throw new ConfigPathException(text + ": " + part + ": [] is empty (expected: a name, a~b or an index)");
                }
                selectors.add(key);
            }
            segments.add(new Segment(matcher.group(1), selectors));
        }
        return new ConfigPath(text, List.copyOf(segments));
    }

    /** The path as written. */
    @Override
    public String toString() {
        return text;
    }

    /** Field names and selectors in order ({@code machines[cloud].app.x}: machines, cloud, app, x), for labels. */
    List<String> parts() {
        List<String> parts = new ArrayList<>();
        for (Segment segment : segments) {
            parts.add(segment.field());
            parts.addAll(segment.selectors());
        }
        return parts;
    }

    /**
     * Sets the value at this path in {@code root} to {@code value}.
     *
     * @throws ConfigPathException naming the path, the segment that leads nowhere and what exists there
     */
    public void apply(ObjectNode root, JsonNode value) throws ConfigPathException {
        ObjectNode object = root;
        StringBuilder where = new StringBuilder();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            boolean last = s == segments.size() - 1;
            where.append(where.length() == 0 ? "" : ".").append(segment.field());
            if (segment.selectors().isEmpty()) {
                if (last) {
                    object.set(segment.field(), value.deepCopy());
                    return;
                }
                object = objectField(object, segment.field(), where.toString());
                continue;
            }
            JsonNode current = object.get(segment.field());
            if (current == null || !current.isArray()) {
                throw new ConfigPathException(text + ": " + where + " is " + (current == null ? "not in the config"
                        : "not an array") + " (expected: an array to pick [" + segment.selectors().get(0) + "] from)");
            }
            for (int k = 0; k < segment.selectors().size(); k++) {
                String selector = segment.selectors().get(k);
                ArrayNode array = (ArrayNode) current;
                int index = select(array, selector, segment.field(), where.toString());
                where.append('[').append(selector).append(']');
                boolean end = last && k == segment.selectors().size() - 1;
                if (end) {
                    array.set(index, value.deepCopy());
                    return;
                }
                current = array.get(index);
                if (k < segment.selectors().size() - 1 && !current.isArray()) {
                    throw new ConfigPathException(text + ": " + where + " is not an array (expected: an array to pick ["
                            + segment.selectors().get(k + 1) + "] from)");
                }
            }
            if (!current.isObject()) {
                throw new ConfigPathException(text + ": " + where + " is " + current + ", not an object (expected: an object "
                        + "holding " + segments.get(s + 1).field() + ")");
            }
            object = (ObjectNode) current;
        }
    }

    private ObjectNode objectField(ObjectNode object, String field, String where) throws ConfigPathException {
        JsonNode child = object.get(field);
        if (child == null || child.isNull()) {
            return object.putObject(field);
        }
        if (!child.isObject()) {
            throw new ConfigPathException(text + ": " + where + " is " + child + ", not an object (expected: an object "
                    + "to set a field in)");
        }
        return (ObjectNode) child;
    }

    /** The index in {@code array} that {@code selector} names: a plain index, {@code a~b} (a connection) or a name. */
    private int select(ArrayNode array, String selector, String field, String where) throws ConfigPathException {
        if (selector.matches("-?[0-9]+")) {
            int index;
            try {
                index = Integer.parseInt(selector);
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0 || index >= array.size()) {
                throw new ConfigPathException(text + ": " + where + "[" + selector + "]: index " + selector
                        + " is out of range (" + field + " has " + array.size() + (array.size() == 1 ? " entry" : " entries")
                        + (array.isEmpty() ? "" : ": 0 to " + (array.size() - 1)) + ")");
            }
            return index;
        }
        if (selector.contains("~")) {
            String[] ends = selector.split("~", -1);
            if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
                throw new ConfigPathException(text + ": " + where + "[" + selector + "]: not a pair of machines "
                        + "(expected: [a~b], like [cloud~edge-far])");
            }
            String a = ends[0].trim();
            String b = ends[1].trim();
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String node1 = array.get(i).path("node1").asText("");
                String node2 = array.get(i).path("node2").asText("");
                if ((node1.equals(a) && node2.equals(b)) || (node1.equals(b) && node2.equals(a))) {
                    return i;
                }
                pairs.add(node1 + "~" + node2);
            }
            throw new ConfigPathException(text + ": " + where + "[" + selector + "]: no connection between " + a + " and "
                    + b + " (" + field + ": " + (pairs.isEmpty() ? "none" : String.join(", ", pairs)) + ")");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String name = array.get(i).path("name").asText("");
            if (name.equals(selector)) {
                return i;
            }
            names.add(name);
        }
        String kind = field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
        throw new ConfigPathException(text + ": " + where + "[" + selector + "]: no " + kind + " named " + selector + " ("
                + field + ": " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }
}
