package io.acai.launcher.config;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.RuntimeKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MachineGroupsTest {

    private static ExperimentPlan parse(String text) throws ConfigException {
        return UserConfigReader.parse(text, Path.of("case.json"), Path.of("."), RuntimeKind.LOCAL);
    }

    private static String config(String group, String connections) {
        return """
                {"machines": [{"name": "cloud", "category": "server"}, %s],
                 "connections": [%s]}
                """.formatted(group, connections);
    }

    private static java.util.List<String> errors(String text) {
        return catchThrowableOfType(ConfigException.class, () -> parse(text)).errors().stream()
                .map(ConfigError::toString).toList();
    }

    @Test
    void namesArePaddedToTheWidthOfTheLastIndex() {
        assertThat(MachineGroups.names("edge", 1)).containsExactly("edge-0");
        assertThat(MachineGroups.names("edge", 10)).startsWith("edge-0").endsWith("edge-9");
        assertThat(MachineGroups.names("edge", 11)).startsWith("edge-00", "edge-01").endsWith("edge-10");
        assertThat(MachineGroups.names("edge", 100)).hasSize(100).startsWith("edge-00").endsWith("edge-99");
        assertThat(MachineGroups.names("edge", 1000)).startsWith("edge-000").endsWith("edge-999");
    }

    @Test
    void aGroupIsItsMembersWithOneConnectionEach() throws Exception {
        ExperimentPlan plan = UserConfigReader.read(ConfigFiles.dir("valid").resolve("groups.json"), null);

        assertThat(plan.machines()).extracting(MachinePlan::name).containsExactly("cloud", "edge-00", "edge-01", "edge-02",
                "edge-03", "edge-04", "edge-05", "edge-06", "edge-07", "edge-08", "edge-09", "edge-10", "edge-11",
                "far-0", "far-1", "far-2", "edge-near");
        MachinePlan member = plan.machine("edge-07").orElseThrow();
        assertThat(member.group()).isEqualTo("edge");
        assertThat(member.args()).as("each member is an edge of its own name").containsSubsequence("2", "edge-07");
        assertThat(member.resources().cpuRequestMillis()).isEqualTo(100);
        assertThat(plan.machine("edge-near").orElseThrow().group()).isNull();
        assertThat(plan.links()).hasSize(12 * 2 + 3 * 2 + 2);
        assertThat(plan.link("far-2", "cloud")).hasValueSatisfying(l -> assertThat(l.rateBitsPerSecond()).isEqualTo(2_000_000));
        assertThat(plan.link("cloud", "far-2")).hasValueSatisfying(l -> assertThat(l.rateBitsPerSecond()).isEqualTo(10_000_000));
        assertThat(plan.link("cloud", "edge-11")).map(LinkPlan::delay).hasValue(java.time.Duration.ofMillis(10));
    }

    @Test
    void badCountsNameTheField() {
        for (String count : new String[] {"0", "-2", "1001", "2.5", "\"3x\"", "\"2.0\"", "true"}) {
            assertThat(errors(config("{\"name\": \"edge\", \"category\": \"client\", \"count\": " + count + "}", "")))
                    .as("count %s", count).containsExactly("machines[1].count: " + count.replace(" ", "")
                            + " is not allowed (expected: a whole number from 1 to 1000)");
        }
    }

    @Test
    void aServerCannotBeAGroup() {
        assertThat(errors("{\"machines\": [{\"name\": \"cloud\", \"category\": \"server\", \"count\": 2},"
                + " {\"name\": \"e\", \"category\": \"client\"}]}")).containsExactly("machines[0].count: is set on a server"
                + " (expected: count on client machines only; an experiment has one cloud)");
    }

    @Test
    void membersMustNotCollideWithOtherMachines() {
        assertThat(errors(config("{\"name\": \"edge\", \"category\": \"client\", \"count\": 3},"
                + " {\"name\": \"edge-1\", \"category\": \"client\"}", ""))).containsExactly("machines[2].name: \"edge-1\" is"
                + " already the name of machines[1] (a member of group edge) (expected: unique names)");
    }

    @Test
    void aNameTooLongForItsMembersIsAnError() {
        String name = "e".repeat(61);
        assertThat(errors(config("{\"name\": \"" + name + "\", \"category\": \"client\", \"count\": 100}", "")))
                .containsExactly("machines[1].name: \"" + name + "\" with count 100 names its machines up to \"" + name
                        + "-99\", longer than 63 characters (expected: a group name of at most 60 characters)");
    }

    @Test
    void aMemberProblemIsReportedOnceAndAConnectionOfTwoGroupsIsRefused() {
        assertThat(errors(config("{\"name\": \"edge\", \"category\": \"client\", \"count\": 5, \"app\": {\"rate\": -1}},"
                        + " {\"name\": \"cam\", \"category\": \"client\", \"count\": 2}",
                "{\"node1\": \"edge\", \"node2\": \"cam\"}"))).containsExactly(
                "machines[1].app.rate: -1 is not allowed (expected: a number above 0 and at most 1000)",
                "connections[0].node2: \"cam\" is a group, and so is node1 \"edge\" (expected: at most one group in a"
                        + " connection; it stands for one connection per member)");
    }
}
