package io.acai.edge.upload;

import io.acai.records.run.UpdateRow;

/** One update as the edge tracks it; {@code 0} marks a time that does not apply. */
public record UpdateRecord(long updateStart, long prepare, long sendStart, long sendEnd, long receive, long updateEnd,
                           int images, long bytesUp, long bytesDown, int modelVersion) {

    /** The update as a row of {@code edge_update.csv}: a time that does not apply is blank. */
    public UpdateRow row() {
        return new UpdateRow(time(updateStart), time(prepare), time(sendStart), time(sendEnd), receive, updateEnd,
                images, bytesUp, bytesDown, Integer.toString(modelVersion));
    }

    private static double time(long millis) {
        return millis == 0 ? Double.NaN : millis;
    }
}
