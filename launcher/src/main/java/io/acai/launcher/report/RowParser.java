package io.acai.launcher.report;

import java.util.List;

/** Turns one CSV record into a typed row; lists the columns it needs. */
public interface RowParser<T> {

    List<String> columns();

    T parse(CsvRecord record);
}
