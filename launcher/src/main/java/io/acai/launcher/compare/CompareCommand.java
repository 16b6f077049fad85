package io.acai.launcher.compare;

import io.acai.records.campaign.CampaignRow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code launcher compare <folder>... [--out DIR]}: compares a campaign's runs, or run folders made separately, and
 * writes {@code compare.html} with its charts, {@code campaign.csv} and {@code campaign_settings.csv} into
 * {@code DIR}: by default the folder given, or the folder that holds all the folders given.
 */
public final class CompareCommand {

    private CompareCommand() {
    }

    /** @return 0 when written, 1 when a folder holds no runs or is neither a run nor a campaign, or nothing could be written */
    public static int run(List<Path> folders, Path out, PrintStream stdout, PrintStream stderr) {
        try {
            Comparison comparison = Comparison.of(folders);
            Path target = out != null ? out : defaultOut(folders);
            Path page = ComparisonFiles.write(comparison, target);
            comparison.notes().forEach(n -> stdout.println("compare: note: " + n));
            stdout.println("compare: " + comparison.runs().size() + " runs in " + comparison.settings().size()
                    + " settings; wrote " + page + " and " + target.resolve(CampaignRow.SCHEMA.fileName()));
            for (Setting setting : comparison.ranked()) {
                comparison.rankedBy().ifPresent(metric -> {
                    MeanInterval interval = setting.interval(metric.key());
                    stdout.println("  " + setting.label() + ": " + metric.key() + " "
                            + ComparisonPage.cell(interval).replaceAll("<[^>]*>", ""));
                });
            }
            return 0;
        } catch (CompareException e) {
            stderr.println("compare: " + e.getMessage());
            return 1;
        }
    }

    /** The folder itself when one is given, else the deepest folder holding them all. */
    static Path defaultOut(List<Path> folders) {
        if (folders.size() == 1) {
            return folders.get(0);
        }
        Path common = folders.get(0).toAbsolutePath().normalize().getParent();
        for (Path folder : folders) {
            Path absolute = folder.toAbsolutePath().normalize();
            while (common != null && !absolute.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? Path.of(".") : common;
    }
}
