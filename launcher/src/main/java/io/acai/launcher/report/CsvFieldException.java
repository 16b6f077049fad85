package io.acai.launcher.report;

/** A CSV field that cannot be used, with the column and its value. */
public final class CsvFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem with the whole line, for example its number of fields. */
    public CsvFieldException(String message) {
        super(message);
    }

    public CsvFieldException(String column, String value, String problem) {
        super(value == null ? column + " : " + problem : column + " : \"" + value + "\" (" + problem + ")");
    }
}
