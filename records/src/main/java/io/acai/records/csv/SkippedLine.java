package io.acai.records.csv;

/**
 * A line a tolerant read left out.
 *
 * @param line       counted from 1 (the header)
 * @param problem    what is wrong, without file and line, for example {@code frames : "x" (not a number)}
 * @param last       whether it is the file's last line (a run cut short leaves a bad one there)
 * @param unfinished whether it lacks its line end: it was still being written
 */
public record SkippedLine(long line, String problem, boolean last, boolean unfinished) {
}
