package io.acai.options;

import java.util.regex.Pattern;

/**
 * The names of machines: a launcher config's {@code machines[].name} and volume names, and the edge id
 * an edge presents to the cloud in its Hello (the launcher passes the machine's name). DNS-1035 labels,
 * usable as Kubernetes object names, folder names and log values: {@code edge-1}, {@code cloud}.
 */
public final class MachineName {

    /** The rule as a regular expression (the launcher's JSON schema holds the same). */
    public static final String PATTERN = "^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$";
    /** The rule in words, for "(expected: ...)" in error messages. */
    public static final String EXPECTED = "lower-case letters, digits and '-', starting with a letter, at most 63";

    private static final Pattern NAME = Pattern.compile(PATTERN);

    private MachineName() {
    }

    /** Whether {@code name} follows the rule; {@code null} does not. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
