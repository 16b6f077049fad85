package io.acai.detection.darknet;

import java.io.IOException;
import java.nio.file.Path;

/** A darknet cfg that cannot be used: the message names the file and, where there is one, the line. */
public final class CfgException extends IOException {

    private final Path file;
    private final int line;

    public CfgException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
