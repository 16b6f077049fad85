package io.acai.launcher.plan;

/** What a machine of the experiment plays: the one cloud (the config's {@code server}) or an edge ({@code client}). */
public enum Role {
    CLOUD("server"),
    EDGE("client");

    private final String category;

    Role(String category) {
        this.category = category;
    }

    /** The word the config's {@code category} field uses for this role. */
    public String category() {
        return category;
    }
}
