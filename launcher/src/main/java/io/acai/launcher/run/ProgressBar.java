package io.acai.launcher.run;

import java.time.Duration;

/** A text progress bar with elapsed and total time: {@code [#########...........]  1:30 / 4:00}. */
public final class ProgressBar {

    private ProgressBar() {
    }

    public static String render(Duration elapsed, Duration total, int width) {
        double share = total.isZero() ? 1 : Math.min(1, Math.max(0, elapsed.toMillis() / (double) total.toMillis()));
        int filled = (int) Math.round(share * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]  " + clock(elapsed) + " / " + clock(total);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest) : String.format("%d:%02d", minutes, rest);
    }
}
