package io.acai.records;

/**
 * Hears of a failed write of a run file as it happens, on the writing thread, before the writer throws its
 * {@link RunFileWriteException}: an app ends on it whichever of its threads wrote. It must return quickly
 * and must not write to the file that failed.
 */
@FunctionalInterface
public interface WriteFailureListener {

    /** A listener that does nothing: the writer only throws. */
    WriteFailureListener NONE = failure -> { };

    void writeFailed(RunFileWriteException failure);
}
