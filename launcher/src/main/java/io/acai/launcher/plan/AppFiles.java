package io.acai.launcher.plan;

/**
 * Names of the files the project's two apps write, relative to their working directory. The launcher
 * passes them on the apps' command lines and every runtime brings them back to
 * {@code <logs>/<machine>/}.
 */
public final class AppFiles {

    public static final String EDGE_INFERENCE_LOG = "edge_inf.log";
    public static final String EDGE_UPDATE_LOG = "edge_update.log";
    public static final String EDGE_INFERENCE_CSV = "edge_inf.csv";
    public static final String EDGE_UPDATE_CSV = "edge_update.csv";
    public static final String CLOUD_LOG = "cloud.log";
    public static final String CLOUD_CSV = "cloud.csv";

    private AppFiles() {
    }
}
