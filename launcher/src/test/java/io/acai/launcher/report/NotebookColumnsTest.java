package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.records.csv.CsvSchema;
import io.acai.records.run.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The notebook (analysis/results.ipynb) reads the run files with pandas and names their columns itself: its
 * {@code COLUMNS} must be the schemas' headers, file by file and in order, so that it reads what records writes.
 */
class NotebookColumnsTest {

    private static final Path ROOT = Path.of(System.getProperty("acai.root", ".."));
    private static final Pattern ENTRY = Pattern.compile("\"([a-z_]+\\.csv)\":\\s*\\[([^]]*)]");
    private static final Pattern NAME = Pattern.compile("\"([a-z_0-9]+)\"");

    @Test
    void theNotebooksColumnsAreTheSchemasHeaders() throws Exception {
        JsonNode notebook = new ObjectMapper().readTree(ROOT.resolve("analysis/results.ipynb").toFile());
        String code = null;
        for (JsonNode cell : notebook.get("cells")) {
            StringBuilder source = new StringBuilder();
            cell.get("source").forEach(line -> source.append(line.asText()));
            if (source.indexOf("COLUMNS = {") >= 0) {
                code = source.substring(source.indexOf("COLUMNS = {"), source.indexOf("}", source.indexOf("COLUMNS = {")));
            }
        }
        assertThat(code).as("the notebook's COLUMNS").isNotNull();

        Map<String, List<String>> columns = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(code);
        while (entry.find()) {
            List<String> names = new ArrayList<>();
            Matcher name = NAME.matcher(entry.group(2));
            while (name.find()) {
                names.add(name.group(1));
            }
            columns.put(entry.group(1), names);
        }
        Map<String, List<String>> schemas = new LinkedHashMap<>();
        for (CsvSchema<?> schema : RunFiles.ALL) {
            schemas.put(schema.fileName(), schema.header());
        }
        assertThat(columns).isEqualTo(schemas);
    }
}
