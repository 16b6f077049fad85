package io.acai.launcher.run;

import io.acai.launcher.plan.AppFiles;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Follows one edge's {@code edge_inf.csv} as it grows, reading only the lines added since the last
 * call: frames add up, accuracy and model version are those of the latest row. Columns are found by
 * the header's names ({@code frames}, {@code accuracy}, {@code model_version}); an incomplete last
 * line is left for the next call, and a line that does not parse is skipped.
 */
public final class InferenceCsvTail {

    private final Path file;
    private long position;
    private int framesColumn = -1;
    private int accuracyColumn = -1;
    private int versionColumn = -1;
    private boolean headerRead;
    private EdgeProgress progress = EdgeProgress.NONE;

    public InferenceCsvTail(Path machineDir) {
        this.file = machineDir.resolve(AppFiles.EDGE_INFERENCE_CSV);
    }

    /** The progress including every complete line written so far. */
    public EdgeProgress poll() {
        if (!Files.isRegularFile(file)) {
            return progress;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < position) {
                position = 0;
                headerRead = false;
                progress = EdgeProgress.NONE;
            }
            if (length == position) {
                return progress;
            }
            byte[] bytes = new byte[(int) Math.min(length - position, 8 << 20)];
            in.seek(position);
            in.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return progress;
            }
            position += end + 1;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                accept(line.strip());
            }
        } catch (IOException e) {
            // the file is being rotated or is unreadable for now: keep what is known
        }
        return progress;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void accept(String line) {
        if (line.isEmpty()) {
            return;
        }
        List<String> cells = Arrays.asList(line.split(",", -1));
        if (!headerRead) {
            headerRead = true;
            framesColumn = cells.indexOf("frames");
            accuracyColumn = cells.indexOf("accuracy");
            versionColumn = cells.indexOf("model_version");
            if (framesColumn >= 0 || accuracyColumn >= 0) {
                return;
            }
        }
        try {
            long frames = framesColumn >= 0 && framesColumn < cells.size() ? Long.parseLong(cells.get(framesColumn).strip()) : 0;
            double accuracy = accuracyColumn >= 0 && accuracyColumn < cells.size()
                    ? Double.parseDouble(cells.get(accuracyColumn).strip()) : Double.NaN;
            String version = versionColumn >= 0 && versionColumn < cells.size() ? cells.get(versionColumn).strip() : "";
            progress = new EdgeProgress(progress.frames() + frames, accuracy, version);
        } catch (NumberFormatException e) {
            // a line cut by a crash or a foreign line: skipped
        }
    }
}
