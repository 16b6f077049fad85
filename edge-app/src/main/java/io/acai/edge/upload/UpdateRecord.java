package io.acai.edge.upload;

/** One update as {@code edge_update.csv} records it; {@code 0} marks a time that does not apply. */
public record UpdateRecord(long updateStart, long prepare, long sendStart, long sendEnd, long receive, long updateEnd,
                           int images, long bytesUp, long bytesDown, int modelVersion) {
}
