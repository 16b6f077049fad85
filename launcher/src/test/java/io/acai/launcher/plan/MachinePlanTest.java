package io.acai.launcher.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachinePlanTest {

    @Test
    void onlyNameAndRoleAreRequired() {
        MachinePlan edge = MachinePlan.builder().setName("edge-1").setRole(Role.EDGE).build();

        assertThat(edge).isEqualTo(new MachinePlan("edge-1", Role.EDGE, null, List.of(), List.of(), 0, Resources.NONE,
                List.of(), null));
        assertThat(edge.runsProjectApp()).isTrue();
        assertThatThrownBy(() -> MachinePlan.builder().setRole(Role.EDGE).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("MachinePlan: name is not set (call setName)");
        assertThatThrownBy(() -> MachinePlan.builder().setName("edge-1").build())
                .hasMessage("MachinePlan edge-1: role is not set (call setRole)");
    }

    @Test
    void theCloudsAddressIsFilledIntoTheArguments() {
        MachinePlan edge = MachinePlan.builder().setName("edge-1").setRole(Role.EDGE)
                .optCommand(List.of("sleep")).optArgs(List.of("{}", "{}:9000", "300")).build();

        assertThat(edge.runsProjectApp()).isFalse();
        assertThat(edge.argsWithCloud("10.0.0.1")).containsExactly("10.0.0.1", "10.0.0.1:9000", "300");
    }
}
