package io.acai.dataset;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Fixture folders of {@code src/test/resources}. */
final class TestFolders {

    private TestFolders() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestFolders.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
