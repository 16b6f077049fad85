package io.acai.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acai.options.TimeSpan;
import io.acai.options.TokenOption;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One JSON object of a config with its path from the root. Every getter checks the type of the
 * field it reads and records a problem (path, value, what was expected) instead of throwing, so that
 * reading goes on and every error is reported.
 */
final class ConfigNode {

    /** A whole number written as a string, as the original project's configs write ports: {@code "9876"}. */
    static final Pattern WHOLE_STRING = Pattern.compile("-?[0-9]{1,18}");
    /** A number written as a string: {@code "10"}, {@code "2.5"}, {@code "1e3"}. */
    static final Pattern NUMBER_STRING = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?");

    private final JsonNode node;
    private final String path;
    private final ConfigErrors errors;

    private ConfigNode(JsonNode node, String path, ConfigErrors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** The object {@code node} at {@code path}, or empty (and an error) when it is not an object. */
    static Optional<ConfigNode> of(JsonNode node, String path, ConfigErrors errors) {
        if (!node.isObject()) {
            errors.reject(path.isEmpty() ? "(root)" : path, node, "is not an object (expected: {...})");
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(node, path, errors));
    }

    String path() {
        return path;
    }

    /**
     * A copy of this object at the same path, recording into the same errors, with the text field {@code field} set
     * to {@code value}, or removed when {@code value} is null: a member of a machine group, or a connection of one.
     */
    ConfigNode withText(String field, String value) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return new ConfigNode(copy, path, errors);
    }

    /** This object read again without recording problems: the reading that counts records them once. */
    ConfigNode quietly() {
        return new ConfigNode(node, path, new ConfigErrors());
    }

    /** The path of {@code field}: {@code a.b}, or {@code a["nvidia.com/gpu"]} for a name that is not a plain word. */
    String path(String field) {
        if (!field.matches("[A-Za-z0-9_$]+")) {
            return path + "[\"" + field + "\"]";
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    ConfigErrors errors() {
        return errors;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    boolean isEmptyArray(String field) {
        return has(field) && node.get(field).isArray() && node.get(field).isEmpty();
    }

    boolean isText(String field) {
        return has(field) && node.get(field).isTextual();
    }

    /** Records every field that is not in {@code allowed}. */
    void checkFields(List<String> allowed) {
        checkFields(allowed, Set.of());
    }

    /** Records every field that is not in {@code allowed}, but those in {@code reportedElsewhere} (with a better message). */
    void checkFields(List<String> allowed, Set<String> reportedElsewhere) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name) && !reportedElsewhere.contains(name)) {
                errors.add(path(name), "unknown field (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    void require(String field) {
        if (!has(field)) {
            errors.add(path(field), "is missing");
        }
    }

    Optional<String> text(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            errors.reject(path(field), value, "is not a string");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /**
     * A secret string field (a token): one line of text, never quoted in an error. Empty reads as none.
     */
    Optional<String> secret(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            errors.add(path(field), "is not a string (expected: the secret as a JSON string; the value is not shown)");
            return Optional.empty();
        }
        String text = value.asText();
        if (text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            errors.add(path(field), "holds a line break or a NUL character (expected: one line; the value is not shown)");
            return Optional.empty();
        }
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > TokenOption.MAX_BYTES) {
            errors.add(path(field), "is longer than " + TokenOption.MAX_BYTES + " UTF-8 bytes (expected: a shorter "
                    + "secret; the value is not shown)");
            return Optional.empty();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            errors.reject(path(field), value, "is not allowed (expected: true or false)");
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    /** A string field that must be one of {@code choices}. */
    Optional<String> choice(String field, Set<String> choices, String expected) {
        Optional<String> value = text(field);
        if (value.isPresent() && !choices.contains(value.get())) {
            errors.reject(path(field), node.get(field), "is not allowed (expected: " + expected + ")");
            return Optional.empty();
        }
        return value;
    }

    /** A string field read by {@code parser}, which throws {@link IllegalArgumentException} saying what is wrong. */
    <T> Optional<T> parsed(String field, Function<String, T> parser) {
        Optional<String> value = text(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.get()));
        } catch (IllegalArgumentException e) {
            errors.reject(path(field), node.get(field), e.getMessage());
            return Optional.empty();
        }
    }

    /** A duration field from {@code min} to {@code max}, both included. */
    Optional<Duration> duration(String field, Duration min, Duration max) {
        Optional<Duration> value = parsed(field, TimeSpan::parse);
        if (value.isPresent() && (value.get().compareTo(min) < 0 || value.get().compareTo(max) > 0)) {
            errors.reject(path(field), node.get(field), "is out of bounds (expected: from " + TimeSpan.format(min)
                    + " to " + TimeSpan.format(max) + ")");
            return Optional.empty();
        }
        return value;
    }

    /** A string or number field read by {@code parser} (quantities like {@code cpu: 2} or {@code cpu: "2"}). */
    <T> Optional<T> quantity(String field, Function<String, T> parser, String kind) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual() && !value.isNumber()) {
            errors.reject(path(field), value, "is not " + kind);
            return Optional.empty();
        }
        if (value.isNumber() && !plainSized(value.decimalValue())) {
            errors.reject(path(field), value, "is out of bounds for " + kind);
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.isNumber() ? value.decimalValue().toPlainString() : value.asText()));
        } catch (IllegalArgumentException e) {
            errors.reject(path(field), value, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether {@code number} written out in plain digits is short (no {@code 1e999999999} turned into a billion digits). */
    private static boolean plainSized(BigDecimal number) {
        return number.scale() <= 100 && number.precision() - number.scale() <= 100;
    }

    /**
     * A whole number from {@code min} to {@code max}: a JSON number, or a string of digits as the original
     * project's configs write ports ({@code "port": "9876"}).
     */
    Optional<Long> integer(String field, long min, long max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        Optional<BigDecimal> number = numeric(value, WHOLE_STRING);
        if (number.isEmpty() || number.get().stripTrailingZeros().scale() > 0
                || number.get().compareTo(BigDecimal.valueOf(min)) < 0 || number.get().compareTo(BigDecimal.valueOf(max)) > 0
                || (value.isNumber() && !value.isIntegralNumber())) {
            errors.reject(path(field), value, "is not allowed (expected: a whole number from " + min + " to " + max + ")");
            return Optional.empty();
        }
        return Optional.of(number.get().longValueExact());
    }

    /** The value of a JSON number, or of a string that {@code pattern} accepts; empty for anything else. */
    private static Optional<BigDecimal> numeric(JsonNode value, Pattern pattern) {
        if (value.isNumber()) {
            return plainSized(value.decimalValue()) ? Optional.of(value.decimalValue()) : Optional.empty();
        }
        if (value.isTextual() && pattern.matcher(value.asText()).matches()) {
            BigDecimal number = new BigDecimal(value.asText());
            return plainSized(number) ? Optional.of(number) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A number in {@code [min, max]}, or above {@code min} exclusive when {@code exclusiveMin}; a string of one ({@code "10"}) too. */
    Optional<Double> number(String field, double min, boolean exclusiveMin, double max) {
        return number(field, min, exclusiveMin, max, "");
    }

    /**
     * A number field as {@link #number(String, double, boolean, double)} reads it, or the string {@code word}: the
     * word itself, or the number written plainly.
     */
    Optional<String> numberOrWord(String field, String word, double min, boolean exclusiveMin, double max) {
        if (has(field) && node.get(field).isTextual() && node.get(field).asText().equals(word)) {
            return Optional.of(word);
        }
        return number(field, min, exclusiveMin, max, ", or \"" + word + "\"").map(ConfigNode::plain);
    }

    private Optional<Double> number(String field, double min, boolean exclusiveMin, double max, String orElse) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        Optional<BigDecimal> number = numeric(value, NUMBER_STRING);
        double v = number.map(BigDecimal::doubleValue).orElse(Double.NaN);
        if (number.isEmpty() || (exclusiveMin ? v <= min : v < min) || v > max) {
            errors.reject(path(field), value, "is not allowed (expected: a number " + (exclusiveMin ? "above " + format(min) + " and at most "
                    : "from " + format(min) + " to ") + format(max) + orElse + ")");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** {@code value} without a trailing {@code .0}: 10 rather than 10.0, as an app's option takes it. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    Optional<ConfigNode> object(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        return of(node.get(field), path(field), errors);
    }

    /** The objects of an array field; elements that are not objects are reported and skipped. */
    List<ConfigNode> objects(String field) {
        List<ConfigNode> out = new ArrayList<>();
        if (!has(field)) {
            return out;
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            errors.reject(path(field), value, "is not an array (expected: [...])");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            of(value.get(i), path(field) + "[" + i + "]", errors).ifPresent(out::add);
        }
        return out;
    }

    /**
     * A list of strings: an array of strings or numbers (numbers are written as they appear), or, when
     * {@code single} is true, one string that stands for a list of one.
     */
    Optional<List<String>> strings(String field, boolean single) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (single && value.isTextual()) {
            return Optional.of(List.of(value.asText()));
        }
        if (!value.isArray()) {
            errors.reject(path(field), value, "is not an array of strings");
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isTextual() || element.isNumber()) {
                out.add(element.asText());
            } else {
                errors.reject(path(field) + "[" + i + "]", element, "is not a string");
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }
}
