package io.acai.launcher.run;

import io.acai.launcher.plan.ExperimentPlan;
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

    @Test
    void progressBarAndClock() {
        assertThat(ProgressBar.render(Duration.ZERO, Duration.ofSeconds(10), 4)).isEqualTo("[....]  0:00 / 0:10");
        assertThat(ProgressBar.render(Duration.ofSeconds(30), Duration.ofSeconds(10), 4)).isEqualTo("[####]  0:30 / 0:10");
        assertThat(ProgressBar.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
