package io.acai.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cloud's package structure, read from its main sources: Netty stays in the server, the retrain
 * logic talks to edges through its own {@code EdgeFleet} and knows nothing of the server, and no
 * two packages need each other. A reference counts wherever the qualified name appears (import,
 * fully qualified use or comment), so the rules cannot be dodged by leaving out an import.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.acai.cloud";
    private static final Path SOURCES = Path.of("src/main/java/io/acai/cloud");
    /** A qualified class name under the root: its package, then a capitalised class name. */
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.acai\\.cloud((?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z*]");

    /** Each package of the cloud, with the other packages of the cloud its sources name. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();
    /** The packages whose sources name anything of Netty. */
    private static final Set<String> NETTY_USERS = new TreeSet<>();

    @BeforeAll
    static void readSources() throws IOException {
        assertThat(SOURCES).as("the cloud's main sources, relative to the module folder").isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String own = ROOT + packageSuffix(SOURCES.relativize(file.getParent()));
            String text = Files.readString(file);
            Set<String> uses = USES.computeIfAbsent(own, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String used = ROOT + m.group(1);
                if (!used.equals(own)) {
                    uses.add(used);
                }
            }
            if (text.contains("io.netty.")) {
                NETTY_USERS.add(own);
            }
        }
        assertThat(USES).as("packages read from " + SOURCES.toAbsolutePath())
                .containsKeys(ROOT + ".retrain", ROOT + ".server", ROOT + ".store");
    }

    private static String packageSuffix(Path relative) {
        return relative.toString().isEmpty() ? "" : "." + relative.toString().replace('/', '.').replace('\\', '.');
    }

    @Test
    void onlyTheServerUsesNetty() {
        assertThat(NETTY_USERS).containsExactly(ROOT + ".server");
    }

    @Test
    void theRetrainLogicAndTheStoreDoNotKnowTheServer() {
        assertThat(USES.get(ROOT + ".retrain")).doesNotContain(ROOT + ".server");
        assertThat(USES.get(ROOT + ".store")).doesNotContain(ROOT + ".server", ROOT + ".retrain");
        assertThat(USES.get(ROOT + ".server")).as("the server implements the retrain loop's EdgeFleet")
                .contains(ROOT + ".retrain");
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        assertThat(cycle(USES)).as("a cycle between the cloud's packages").isEmpty();
    }

    /** A cycle in {@code graph} as the packages along it, first one repeated at the end; empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            List<String> found = cycleFrom(start, graph, new ArrayList<>(), done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> cycleFrom(String node, Map<String, Set<String>> graph, List<String> path,
                                          Set<String> done) {
        int seen = path.indexOf(node);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return List.of();
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> found = cycleFrom(next, graph, path, done);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return List.of();
    }

    @Test
    void theCycleSearchFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycle(new TreeMap<>(graph))).containsExactly("a", "b", "c", "a");
        assertThat(cycle(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }
}
