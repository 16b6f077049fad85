package io.acai.launcher.plan;

import java.util.regex.Pattern;

/**
 * Where the project's own images are pulled from on a cluster: a registry host with an optional port and an
 * optional repository path, as image references write them ({@code registry.example.com:5000/team/acai}). The
 * images are then {@code <registry>/acai-edge:<tag>} and so on; empty means the bare names ({@code acai-edge:<tag>}),
 * which a node finds only in its own container runtime.
 */
public final class ImageRegistry {

    /** What a registry looks like, for messages. */
    public static final String EXPECTED = "a registry host with an optional port and repository path, like"
            + " registry.example.com:5000/team or ghcr.io/user (no scheme, no tag)";

    private static final String HOST_PART = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String PATH_PART = "[a-z0-9]+([._-][a-z0-9]+)*";
    private static final Pattern SYNTAX = Pattern.compile(
            HOST_PART + "(\\." + HOST_PART + ")*(:[0-9]{1,5})?(/" + PATH_PART + ")*");

    private ImageRegistry() {
    }

    /**
     * The registry as image references use it, without a trailing {@code /}; empty for an empty value.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected, without the value itself
     */
    public static String normalize(String value) {
        String registry = value.strip();
        while (registry.endsWith("/")) {
            registry = registry.substring(0, registry.length() - 1);
        }
        if (registry.isEmpty()) {
            return "";
        }
        if (registry.contains("://")) {
            throw new IllegalArgumentException("has a scheme (expected: " + EXPECTED + ")");
        }
        if (registry.length() > 200 || !SYNTAX.matcher(registry).matches()) {
            throw new IllegalArgumentException("is not a registry (expected: " + EXPECTED + ")");
        }
        return registry;
    }

    /** The reference of one of the project's images: {@code [<registry>/]<name>:<tag>}. */
    public static String reference(String registry, String name, String tag) {
        return (registry == null || registry.isEmpty() ? "" : registry + "/") + name + ":" + tag;
    }
}
