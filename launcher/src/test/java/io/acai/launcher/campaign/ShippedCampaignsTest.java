package io.acai.launcher.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.LauncherMain;
import io.acai.testkit.ConsoleCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example campaigns under {@code campaigns/}: each is a valid sweep of the default experiment (every run
 * passes the config validator) with repeats, and its estimated time stays under the 20 minutes on 2 cores the
 * examples are sized for.
 */
class ShippedCampaignsTest {

    private static final Path ROOT = Path.of(System.getProperty("acai.root", ".."));
    private static final Pattern ESTIMATE = Pattern.compile("(\\d+) runs; estimated time (?:(\\d+)h)?(\\d+)m");

    @Test
    void everyShippedCampaignIsValidHasRepeatsAndFitsTwentyMinutes(@TempDir Path logs) throws Exception {
        List<Path> campaigns;
        try (Stream<Path> files = Files.list(ROOT.resolve("campaigns"))) {
            campaigns = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(campaigns).extracting(f -> f.getFileName().toString())
                .contains("uplink-bandwidth.json", "upload-threshold.json", "upload-quality.json");
        for (Path campaign : campaigns) {
            ConsoleCapture dryRun = ConsoleCapture.run(() -> LauncherMain.execute("campaign",
                    logs.resolve(campaign.getFileName().toString()).toString(), campaign.toString(), "--dry-run"));
            assertThat(dryRun.exitCode()).as(campaign + ": " + dryRun.err()).isZero();
            assertThat(dryRun.out()).as(campaign.toString()).contains("every run is a valid config", "x 2 repeats");
            Matcher estimate = ESTIMATE.matcher(dryRun.out());
            assertThat(estimate.find()).as(campaign + ": " + dryRun.out()).isTrue();
            int minutes = (estimate.group(2) == null ? 0 : 60 * Integer.parseInt(estimate.group(2)))
                    + Integer.parseInt(estimate.group(3));
            assertThat(minutes).as(campaign + ": estimated minutes").isLessThan(20);
            assertThat(logs.resolve(campaign.getFileName().toString())).as("a dry run creates nothing").doesNotExist();
            assertThat(dryRun.out()).as(campaign + ": the duration is set, not swept").contains(", 3m30s")
                    .doesNotContain("duration=");
        }
        ConsoleCapture uplink = ConsoleCapture.run(() -> LauncherMain.execute("campaign", logs.resolve("u").toString(),
                ROOT.resolve("campaigns/uplink-bandwidth.json").toString(), "--dry-run"));
        assertThat(uplink.out()).as("the three uplinks are one labelled axis").contains("  uplink=0.25mbps-r1  ",
                "  uplink=20mbps-r1  ", "  uplink=0.25mbps-r2  ", "  uplink=20mbps-r2  ");
        ConsoleCapture threshold = ConsoleCapture.run(() -> LauncherMain.execute("campaign", logs.resolve("t").toString(),
                ROOT.resolve("campaigns/upload-threshold.json").toString(), "--dry-run"));
        assertThat(threshold.out()).contains("  uploadThreshold=20-r1  ", "  uploadThreshold=60-r2  ");
        ConsoleCapture quality = ConsoleCapture.run(() -> LauncherMain.execute("campaign", logs.resolve("q").toString(),
                ROOT.resolve("campaigns/upload-quality.json").toString(), "--dry-run"));
        assertThat(quality.out()).as("a JPEG quality against lossless uploads").contains("  uploadQuality=0.9-r1  ",
                "  uploadQuality=lossless-r2  ");
    }
}
