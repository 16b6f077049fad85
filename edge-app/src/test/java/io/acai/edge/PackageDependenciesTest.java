package io.acai.edge;

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
 * The edge's package structure, read from its main sources: Netty stays in the link to the cloud,
 * the update logic talks to the cloud through its own {@code CloudLink} and {@code CloudListener}
 * and knows nothing of the link, and no two packages need each other. A reference counts wherever the qualified name appears (import,
 * fully qualified use or comment), so the rules cannot be dodged by leaving out an import.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.acai.edge";
    private static final Path SOURCES = Path.of("src/main/java/io/acai/edge");
    /** A qualified class name under the root: its package, then a capitalised class name. */
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.acai\\.edge((?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z*]");

    /** Each package of the edge, with the other packages of the edge its sources name. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();
    /** The packages whose sources name anything of Netty. */
    private static final Set<String> NETTY_USERS = new TreeSet<>();

    @BeforeAll
    static void readSources() throws IOException {
        assertThat(SOURCES).as("the edge's main sources, relative to the module folder").isDirectory();
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
                .containsKeys(ROOT + ".upload", ROOT + ".link", ROOT + ".model");
    }

    private static String packageSuffix(Path relative) {
        return relative.toString().isEmpty() ? "" : "." + relative.toString().replace('/', '.').replace('\\', '.');
    }

    @Test
    void onlyTheLinkUsesNetty() {
        assertThat(NETTY_USERS).containsExactly(ROOT + ".link");
    }

    @Test
    void theUpdateLogicAndTheModelDoNotKnowTheLink() {
        assertThat(USES.get(ROOT + ".upload")).doesNotContain(ROOT + ".link");
        assertThat(USES.get(ROOT + ".model")).doesNotContain(ROOT + ".link", ROOT + ".upload");
        assertThat(USES.get(ROOT + ".link")).as("the link implements the update logic's CloudLink")
                .contains(ROOT + ".upload");
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        assertThat(cycle(USES)).as("a cycle between the edge's packages").isEmpty();
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
