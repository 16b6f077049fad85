package io.acai.records.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.csv.CsvRowWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** campaign.csv and campaign_settings.csv: their written bytes, blanks for what is not known, and read back. */
class CampaignRowsTest {

    @TempDir
    Path tmp;

    @Test
    void campaignRowsKeepAPlainRunsBlankRepeatAndAControlsTarget() throws Exception {
        CampaignRow run = new CampaignRow("minRetrainImages=20-r1", "minRetrainImages=20",
                "machines[cloud].app.minRetrainImages=20", 1, 7, "edge-near", "", "accuracy_last_30s", 61.25, "%", "");
        CampaignRow plain = new CampaignRow("logsA", "uplink 2 Mbit/s, fast", "", Double.NaN, Double.NaN,
                "edge-near-static", "edge-near", "time_to_recover", Double.NaN, "s", "not recovered");
        Path file = CampaignRow.SCHEMA.in(tmp);
        try (CsvRowWriter<CampaignRow> out = CampaignRow.SCHEMA.create(file)) {
            out.write(run);
            out.write(plain);
        }

        assertThat(Files.readAllLines(file)).containsExactly(
                "run_id,setting,parameters,repeat,seed,machine,control_of,metric,value,unit,note",
                "minRetrainImages=20-r1,minRetrainImages=20,machines[cloud].app.minRetrainImages=20,1,7,edge-near,,"
                        + "accuracy_last_30s,61.250,%,",
                "logsA,\"uplink 2 Mbit/s, fast\",,,,edge-near-static,edge-near,time_to_recover,,s,not recovered");
        assertThat(CampaignRow.SCHEMA.readAll(file)).containsExactly(run, plain);
        assertThat(CampaignRow.SCHEMA.readAll(file)).extracting(CampaignRow::measured).containsExactly(true, false);
    }

    @Test
    void settingRowsLeaveTheIntervalBlankForOneRun() throws Exception {
        SettingRow two = new SettingRow("bandwidthFrom=2mbps", "connections[cloud~edge-far].bandwidthFrom=2mbps",
                "accuracy_last_30s", "%", 2, 2, 15, -48.53, 78.53, "");
        SettingRow one = new SettingRow("default", "", "accuracy_last_30s", "%", 1, 1, 42.5, Double.NaN, Double.NaN,
                "n=1: no interval");
        Path file = SettingRow.SCHEMA.in(tmp);
        try (CsvRowWriter<SettingRow> out = SettingRow.SCHEMA.create(file)) {
            out.write(two);
            out.write(one);
        }

        assertThat(Files.readAllLines(file)).containsExactly(
                "setting,parameters,metric,unit,runs,of,mean,ci_low,ci_high,note",
                "bandwidthFrom=2mbps,connections[cloud~edge-far].bandwidthFrom=2mbps,accuracy_last_30s,%,2,2,15.000,"
                        + "-48.530,78.530,",
                "default,,accuracy_last_30s,%,1,1,42.500,,,n=1: no interval");
        assertThat(SettingRow.SCHEMA.readAll(file)).containsExactly(two, one);
    }
}
