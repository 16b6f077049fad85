package io.acai.launcher.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachinePlanTest {

    @Test
    void aTokenIsNeverPrintedWithThePlan() {
        MachinePlan cloud = MachinePlan.builder().setName("cloud").setRole(Role.CLOUD).optToken("s3cret").build();

        assertThat(cloud.hasToken()).isTrue();
        assertThat(cloud.token()).isEqualTo("s3cret");
        assertThat(cloud.toString()).contains("token=set").doesNotContain("s3cret");
        assertThat(MachinePlan.builder().setName("e").setRole(Role.EDGE).optToken("").build().hasToken()).isFalse();
        assertThatThrownBy(() -> MachinePlan.builder().setName("e").setRole(Role.EDGE).optCommand(List.of("sh"))
                .optToken("s3cret").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a token is for the project's app");
    }

    @Test
    void onlyNameAndRoleAreRequired() {
        MachinePlan edge = MachinePlan.builder().setName("edge-1").setRole(Role.EDGE).build();

        assertThat(edge).isEqualTo(new MachinePlan("edge-1", Role.EDGE, null, List.of(), List.of(), 0, Resources.NONE,
                List.of(), null, null, null, null, null));
        assertThat(edge.runsProjectApp()).isTrue();
        assertThat(edge.hasToken()).isFalse();
        assertThat(edge.isControl()).isFalse();
        assertThatThrownBy(() -> MachinePlan.builder().setRole(Role.EDGE).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("MachinePlan: name is not set (call setName)");
        assertThatThrownBy(() -> MachinePlan.builder().setName("edge-1").build())
                .hasMessage("MachinePlan edge-1: role is not set (call setRole)");
    }

    @Test
    void onlyAnEdgeCanBeAControlAndThePlanListsItsControls() {
        MachinePlan cloud = MachinePlan.builder().setName("cloud").setRole(Role.CLOUD).optPort(5000).build();
        MachinePlan edge = MachinePlan.builder().setName("edge-1").setRole(Role.EDGE).build();
        MachinePlan control = MachinePlan.builder().setName("edge-1-static").setRole(Role.EDGE)
                .optControlOf("edge-1").build();

        assertThat(control.isControl()).isTrue();
        assertThat(control.controlOf()).isEqualTo("edge-1");
        assertThat(new ExperimentPlan("x", 1, java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(10),
                RuntimeKind.LOCAL, List.of(cloud, edge, control), List.of()).controlOf())
                .containsExactly(java.util.Map.entry("edge-1-static", "edge-1"));
        assertThatThrownBy(() -> MachinePlan.builder().setName("cloud").setRole(Role.CLOUD).optControlOf("edge-1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("MachinePlan cloud: only an edge can be a control (role CLOUD)");
    }

    @Test
    void theCloudsAddressIsFilledIntoTheArguments() {
        MachinePlan edge = MachinePlan.builder().setName("edge-1").setRole(Role.EDGE)
                .optCommand(List.of("sleep")).optArgs(List.of("{}", "{}:9000", "300")).build();

        assertThat(edge.runsProjectApp()).isFalse();
        assertThat(edge.argsWithCloud("10.0.0.1")).containsExactly("10.0.0.1", "10.0.0.1:9000", "300");
    }
}
