package io.acai.launcher.report;

/** The report cannot be made at all, for example because the folder holds no logs. */
public final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
