package io.acai.launcher.compare;

import io.acai.records.campaign.CampaignRow;
import io.acai.records.campaign.SettingRow;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.SummaryRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison's tidy files for pandas: {@code campaign.csv}, one {@link CampaignRow} per run, machine and metric
 * (every row of every run's {@code summary.csv}), and {@code campaign_settings.csv}, one {@link SettingRow} per
 * setting and metric with n, the mean and its 95 % confidence interval.
 */
final class CampaignTables {

    private CampaignTables() {
    }

    static List<CampaignRow> runRows(Comparison comparison) {
        List<CampaignRow> rows = new ArrayList<>();
        for (Setting setting : comparison.settings()) {
            for (ComparedRun run : setting.runs()) {
                for (SummaryRow row : run.summary()) {
                    rows.add(new CampaignRow(run.id(), setting.label(), setting.parametersText(),
                            run.repeat() == null ? Double.NaN : run.repeat(),
                            run.seed() == null ? Double.NaN : run.seed(), row.machine(),
                            run.controlOf().getOrDefault(row.machine(), ""), row.metric(), row.value(), row.unit(),
                            row.note()));
                }
            }
        }
        return rows;
    }

    static List<SettingRow> settingRows(Comparison comparison) {
        List<SettingRow> rows = new ArrayList<>();
        for (Setting setting : comparison.settings()) {
            for (String metric : comparison.metrics()) {
                MeanInterval interval = setting.interval(metric);
                rows.add(new SettingRow(setting.label(), setting.parametersText(), metric, comparison.unit(metric),
                        interval.n(), setting.runs().size(), interval.mean(), interval.low(), interval.high(),
                        interval.note()));
            }
        }
        return rows;
    }

    /** Writes both files into {@code out}, replacing earlier ones. */
    static void write(Comparison comparison, Path out) throws IOException {
        try (CsvRowWriter<CampaignRow> csv = CampaignRow.SCHEMA.create(CampaignRow.SCHEMA.in(out))) {
            for (CampaignRow row : runRows(comparison)) {
                csv.write(row);
            }
        }
        try (CsvRowWriter<SettingRow> csv = SettingRow.SCHEMA.create(SettingRow.SCHEMA.in(out))) {
            for (SettingRow row : settingRows(comparison)) {
                csv.write(row);
            }
        }
    }
}
