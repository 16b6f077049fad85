package io.acai.edge.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.UpdateRow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateTrackerTest {

    @TempDir
    Path tmp;

    @Test
    void writesOneRowPerUpdateAndAllowsOneOutstanding() throws Exception {
        Path file = tmp.resolve("edge_update.csv");
        try (CsvRowWriter<UpdateRow> csv = UpdateRow.SCHEMA.create(file)) {
            UpdateTracker tracker = new UpdateTracker(csv);
            assertThat(tracker.begin(100)).isTrue();
            assertThat(tracker.begin(101)).as("one outstanding at a time").isFalse();
            tracker.prepared(110, 9, 50, 5000);
            tracker.sending(120);
            tracker.sending(125); // a resend keeps the first start
            tracker.sent(130);
            tracker.acknowledged(8);
            assertThat(tracker.acknowledged()).as("another batch's ack").isFalse();
            tracker.acknowledged(9);
            assertThat(tracker.acknowledged()).isTrue();
            tracker.received(900, 700);
            tracker.finished(950, 1);
            assertThat(tracker.outstanding()).isFalse();
            tracker.received(2000, 800); // a push without an upload of this edge
            tracker.finished(2050, 2);
        }
        double none = Double.NaN;
        assertThat(UpdateRow.SCHEMA.readAll(file)).containsExactly(
                new UpdateRow(100, 110, 120, 130, 900, 950, 50, 5000, 700, "1"),
                new UpdateRow(none, none, none, none, 2000, 2050, 0, 0, 800, "2"));
    }

    @Test
    void anAbandonedUpdateLetsTheNextOneStart() throws Exception {
        try (CsvRowWriter<UpdateRow> csv = UpdateRow.SCHEMA.create(tmp.resolve("u.csv"))) {
            UpdateTracker tracker = new UpdateTracker(csv);
            tracker.begin(1);
            tracker.abandon();
            assertThat(tracker.begin(2)).isTrue();
        }
    }
}
