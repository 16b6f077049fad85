package io.acai.launcher.plan;

import io.acai.records.run.InferenceRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;

/**
 * Names of the files the project's two apps write, relative to their working directory. The launcher
 * passes them on the apps' command lines and every runtime brings them back to
 * {@code <logs>/<machine>/}. The CSV files' names are their schemas' (records).
 */
public final class AppFiles {

    public static final String EDGE_INFERENCE_LOG = "edge_inf.log";
    public static final String EDGE_UPDATE_LOG = "edge_update.log";
    public static final String EDGE_INFERENCE_CSV = InferenceRow.SCHEMA.fileName();
    public static final String EDGE_UPDATE_CSV = UpdateRow.SCHEMA.fileName();
    public static final String CLOUD_LOG = "cloud.log";
    public static final String CLOUD_CSV = RetrainRow.SCHEMA.fileName();

    private AppFiles() {
    }
}
