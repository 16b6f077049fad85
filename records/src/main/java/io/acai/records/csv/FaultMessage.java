package io.acai.records.csv;

/**
 * How a fault in a run file is told: {@code logs/edge1/edge_inf.csv:3: avg_inf_time : "fast" (not a number)},
 * or {@code logs/edge1/edge_inf.csv: empty file (no header row)} when the whole file is at fault (line 0).
 */
public final class FaultMessage {

    private FaultMessage() {
    }

    /**
     * @param file    the file as the reader should see it: a path, or a label like {@code edge1/edge_inf.csv}
     * @param line    the line at fault, from 1 (the header), or 0 for the whole file
     * @param problem what is wrong, without file and line
     */
    public static String of(Object file, long line, String problem) {
        return file + (line > 0 ? ":" + line : "") + ": " + problem;
    }
}
