package io.acai.detection.darknet;

import io.acai.records.csv.CsvValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code [section]} of a cfg file as written: its options with the line of each, and typed
 * getters that fail with the file, line, option and value.
 */
final class CfgSection {

    private final Path file;
    private final String name;
    private final int line;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    CfgSection(Path file, String name, int line) {
        this.file = file;
        this.name = name;
        this.line = line;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    Map<String, String> values() {
        return values;
    }

    void put(String key, String value, int at) throws CfgException {
        if (values.containsKey(key)) {
            throw new CfgException(file, at, "option '" + key + "' repeated in [" + name + "] (first at line "
                    + lines.get(key) + ")");
        }
        values.put(key, value);
        lines.put(key, at);
    }

    /** Fails on the first option that is neither used nor known to be training-only. */
    void requireKnown(Set<String> used, Set<String> ignored) throws CfgException {
        for (String key : values.keySet()) {
            if (!used.contains(key) && !ignored.contains(key)) {
                throw new CfgException(file, lines.get(key), "unsupported option '" + key + "' in [" + name + "]");
            }
        }
    }

    int intValue(String key, int fallback) throws CfgException {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, "an integer");
        }
    }

    int requiredInt(String key) throws CfgException {
        if (!values.containsKey(key)) {
            throw missing(key);
        }
        return intValue(key, 0);
    }

    double doubleValue(String key, double fallback) throws CfgException {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, "a number");
        }
    }

    String stringValue(String key, String fallback) {
        String value = values.get(key);
        return value == null ? fallback : value.strip();
    }

    /** A comma-separated integer list ({@link CsvValues}, blanks around values ignored); null when absent. */
    List<Integer> intList(String key) throws CfgException {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        List<String> parts;
        try {
            parts = CsvValues.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(key, "comma-separated integers");
        }
        List<Integer> result = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            try {
                result.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw invalid(key, "comma-separated integers");
            }
        }
        if (result.isEmpty()) {
            throw invalid(key, "comma-separated integers");
        }
        return result;
    }

    CfgException invalid(String key, String expected) {
        return new CfgException(file, lines.get(key), "[" + name + "] " + key + " : '" + values.get(key)
                + "' (expected: " + expected + ")");
    }

    CfgException missing(String key) {
        return new CfgException(file, line, "[" + name + "] needs option '" + key + "'");
    }

    CfgException at(String message) {
        return new CfgException(file, line, "[" + name + "] " + message);
    }
}
