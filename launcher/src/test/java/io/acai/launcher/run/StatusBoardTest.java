package io.acai.launcher.run;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LargeFleet;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusBoardTest {

    private static MachinePlan machine(String name, Role role, List<String> command) {
        return MachinePlan.builder().setName(name).setRole(role).optCommand(command).build();
    }

    @Test
    void oneLinePerMachineUnderAProgressBar() {
        ExperimentPlan plan = new ExperimentPlan("demo", 1, Duration.ofMinutes(4), Duration.ofSeconds(10), RuntimeKind.LOCAL,
                List.of(machine("cloud", Role.CLOUD, List.of()), machine("edge-near", Role.EDGE, List.of()),
                        machine("edge-far", Role.EDGE, List.of()), machine("cam", Role.EDGE, List.of("sh"))),
                List.of());

        List<String> lines = new StatusBoard(plan).render(Duration.ofSeconds(120),
                Map.of("cloud", MachineState.RUNNING, "edge-near", MachineState.RUNNING, "edge-far", MachineState.EXITED),
                Map.of("edge-near", new EdgeProgress(240, 0.8, "1"), "edge-far", EdgeProgress.NONE,
                        "cam", new EdgeProgress(5, 0.5, "")));

        assertThat(lines).containsExactly(
                "demo [###############...............]  2:00 / 4:00",
                "  cloud      server  RUNNING",
                "  edge-near  client  RUNNING   frames    240  accuracy 0.80  model 1",
                "  edge-far   client  EXITED    no inference yet",
                "  cam        client  STARTING  frames      5  accuracy 0.50  model ?");
    }

    @Test
    void aMachineThatEndedWithANonzeroCodeShowsAsFailedWithIt() {
        ExperimentPlan plan = new ExperimentPlan("demo", 1, Duration.ofMinutes(4), Duration.ofSeconds(10), RuntimeKind.LOCAL,
                List.of(machine("cloud", Role.CLOUD, List.of()), machine("edge-1", Role.EDGE, List.of())), List.of());

        List<String> lines = new StatusBoard(plan).render(Duration.ofSeconds(60),
                Map.of("cloud", MachineState.EXITED, "edge-1", MachineState.EXITED), Map.of(),
                Map.of("cloud", 5, "edge-1", 0));

        assertThat(lines).endsWith("  cloud   server  FAILED 5", "  edge-1  client  EXITED");
    }

    @Test
    void aControlSaysWhichEdgeItIsTheStaticControlOf() {
        ExperimentPlan plan = new ExperimentPlan("demo", 1, Duration.ofMinutes(4), Duration.ofSeconds(10), RuntimeKind.LOCAL,
                List.of(machine("cloud", Role.CLOUD, List.of()), machine("edge", Role.EDGE, List.of()),
                        MachinePlan.builder().setName("edge-static").setRole(Role.EDGE).optControlOf("edge").build()),
                List.of());

        List<String> lines = new StatusBoard(plan).render(Duration.ofSeconds(60),
                Map.of("edge", MachineState.RUNNING, "edge-static", MachineState.RUNNING),
                Map.of("edge", new EdgeProgress(240, 0.8, "2"), "edge-static", new EdgeProgress(240, 0.55, "0")));

        assertThat(lines).endsWith(
                "  edge         client  RUNNING   frames    240  accuracy 0.80  model 2",
                "  edge-static  client  RUNNING   frames    240  accuracy 0.55  model 0  static control of edge");
    }

    /** A plan of a cloud and {@code count} edges of the project's app at 1 request per second, or 2 for edge-03. */
    private static ExperimentPlan fleet(int count, List<MachinePlan> more) {
        List<MachinePlan> machines = new java.util.ArrayList<>(List.of(machine("cloud", Role.CLOUD, List.of())));
        for (int i = 0; i < count; i++) {
            String name = String.format("edge-%02d", i);
            machines.add(MachinePlan.builder().setName(name).setRole(Role.EDGE).optGroup("edge")
                    .optArgs(List.of("{}", "7000", "i.log", "u.log", "i.csv", "u.csv", i == 3 ? "2" : "1", name))
                    .build());
        }
        machines.addAll(more);
        return new ExperimentPlan("fleet", 1, Duration.ofMinutes(4), Duration.ofSeconds(10), RuntimeKind.LOCAL, machines,
                List.of());
    }

    /** 100 s of windows: 100 frames requested after the first window at 1 per second, {@code served} of them served. */
    private static EdgeProgress serving(long served, double accuracy, double inferenceMs) {
        return new EdgeProgress(10 + served, accuracy, "2", inferenceMs, 3 * inferenceMs, served, 10_000, 110_000);
    }

    @Test
    void tenEdgesAreStillShownOneByOne() {
        assertThat(new StatusBoard(fleet(LargeFleet.EDGES_ONE_BY_ONE, List.of())).render(Duration.ofSeconds(10),
                Map.of(), Map.of())).hasSize(2 + LargeFleet.EDGES_ONE_BY_ONE).contains("  edge-09  client  STARTING");
    }

    @Test
    void aHundredEdgesBecomeABlockOfFixedSizeUnderTheCloudsLine() {
        Map<String, MachineState> states = new java.util.HashMap<>();
        Map<String, EdgeProgress> progress = new java.util.HashMap<>();
        states.put("cloud", MachineState.RUNNING);
        for (int i = 0; i < 100; i++) {
            String name = String.format("edge-%02d", i);
            states.put(name, MachineState.RUNNING);
            // accuracy 0.40 to 0.89 (0.41 without edge-00 and edge-50), 98 of 100 requests served at 10 ms
            progress.put(name, serving(98, 0.40 + (i % 50) / 100.0, 10));
        }
        states.put("edge-00", MachineState.STARTING);
        progress.remove("edge-00");
        states.put("edge-01", MachineState.EXITED);
        states.put("edge-02", MachineState.EXITED);
        states.put("edge-04", MachineState.EXITED);
        states.put("edge-05", MachineState.EXITED);
        progress.put("edge-03", serving(98, 0.5, 10)); // at 2 requests per second: 49%
        progress.put("edge-50", serving(60, 0.7, 480));
        progress.put("edge-51", serving(80, 0.7, 120));
        progress.put("edge-52", new EdgeProgress(10, 0.6, "1", 900, 40, 0, 50_000, 50_000)); // one window only
        progress.remove("edge-53"); // running, nothing inferred yet

        List<String> lines = new StatusBoard(fleet(100, List.of())).render(Duration.ofSeconds(120), states, progress,
                Map.of("edge-01", 5, "edge-02", 0, "edge-04", 5, "edge-05", 1));

        assertThat(lines).containsExactly(
                "fleet [###############...............]  2:00 / 4:00",
                "  cloud  server  RUNNING",
                "  edges     100: 1 STARTING, 95 RUNNING, 1 EXITED, 1 FAILED 1, 2 FAILED 5",
                "  serving   98 of 100; 1 running with no inference yet",
                "  frames    10,430 served; 96.4% of the 9,800 requested after each edge's first window",
                "  accuracy  latest window of 98 edges: min 0.41  median 0.66  max 0.89",
                "  slowest   share of requests served, latest inference and wait:",
                "    edge-03   49.0%  inference  10 ms  wait    30 ms  model 2",
                "    edge-50   60.0%  inference 480 ms  wait 1,440 ms  model 2",
                "    edge-51   80.0%  inference 120 ms  wait   360 ms  model 2",
                "    edge-06   98.0%  inference  10 ms  wait    30 ms  model 2",
                "    edge-07   98.0%  inference  10 ms  wait    30 ms  model 2");
        assertThat(new StatusBoard(fleet(400, List.of())).render(Duration.ofSeconds(120), states, progress,
                Map.of())).as("the same block for 400 edges").hasSize(lines.size());
    }

    @Test
    void aFleetNamesAnEdgeWhoseShareIsNotKnownYetByItsInferenceTimeAndShowsControlsApart() {
        MachinePlan control = MachinePlan.builder().setName("edge-00-static").setRole(Role.EDGE).optControlOf("edge-00")
                .optArgs(List.of("none", "0", "i.log", "u.log", "i.csv", "u.csv", "1", "edge-00-static")).build();
        ExperimentPlan plan = fleet(12, List.of(control));
        Map<String, MachineState> states = new java.util.HashMap<>();
        Map<String, EdgeProgress> progress = new java.util.HashMap<>();
        plan.machines().forEach(m -> states.put(m.name(), MachineState.RUNNING));
        for (MachinePlan edge : plan.edges()) {
            progress.put(edge.name(), serving(100, 0.8, 7));
        }
        progress.put("edge-00-static", serving(100, 0.3, 7));
        progress.put("edge-07", new EdgeProgress(10, 0.6, "1", 900, 40, 0, 50_000, 50_000));

        List<String> lines = new StatusBoard(plan).render(Duration.ofSeconds(120), states, progress, Map.of());

        assertThat(lines).contains("  edges     13: 13 RUNNING",
                "  accuracy  latest window of 12 edges: min 0.60  median 0.80  max 0.80",
                "  controls  latest window of 1 static control: min 0.30  median 0.30  max 0.30");
        assertThat(lines.get(lines.indexOf("  slowest   share of requests served, latest inference and wait:") + 1))
                .as("half of its 2 requests per second").matches("    edge-03 +50\\.0%  inference   7 ms .*");
        assertThat(lines).as("share unknown: after the known ones, slowest inference first")
                .noneMatch(l -> l.startsWith("    edge-07"));
    }

    @Test
    void theRateIsTheEdgeAppsSeventhArgument() {
        assertThat(EdgeRequestRate.of(fleet(4, List.of()).edges().get(3))).isEqualTo(2);
        assertThat(EdgeRequestRate.of(machine("cam", Role.EDGE, List.of("sh")))).isNaN();
        assertThat(EdgeRequestRate.of(MachinePlan.builder().setName("e").setRole(Role.EDGE)
                .optArgs(List.of("a", "b", "c", "d", "e", "f", "fast")).build())).isNaN();
    }

    @Test
    void progressBarAndClock() {
        assertThat(ProgressBar.render(Duration.ZERO, Duration.ofSeconds(10), 4)).isEqualTo("[....]  0:00 / 0:10");
        assertThat(ProgressBar.render(Duration.ofSeconds(30), Duration.ofSeconds(10), 4)).isEqualTo("[####]  0:30 / 0:10");
        assertThat(ProgressBar.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
