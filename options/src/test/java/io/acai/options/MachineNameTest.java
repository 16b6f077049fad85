package io.acai.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The machine-name rule the launcher applies to machine names and the cloud to edge ids. */
class MachineNameTest {

    @Test
    void acceptsDns1035Labels() {
        assertThat(MachineName.isValid("edge-1")).isTrue();
        assertThat(MachineName.isValid("c")).isTrue();
        assertThat(MachineName.isValid("a" + "b".repeat(62))).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(MachineName.isValid(null)).isFalse();
        assertThat(MachineName.isValid("")).isFalse();
        assertThat(MachineName.isValid("Edge-1")).isFalse();
        assertThat(MachineName.isValid("edge_1")).isFalse();
        assertThat(MachineName.isValid("1edge")).isFalse();
        assertThat(MachineName.isValid("edge-")).isFalse();
        assertThat(MachineName.isValid("edge-1\n2026 INFO forged")).isFalse();
        assertThat(MachineName.isValid("edge-1\n")).as("no end-of-input gap before a final line break").isFalse();
        assertThat(MachineName.isValid("a" + "b".repeat(63))).isFalse();
    }
}
