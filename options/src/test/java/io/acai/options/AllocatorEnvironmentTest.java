package io.acai.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocatorEnvironmentTest {

    @Test
    void theDefaultsAreTheMeasuredSettings() {
        assertThat(AllocatorEnvironment.DEFAULTS).containsExactly(
                Map.entry("MALLOC_MMAP_THRESHOLD_", "33554432"),
                Map.entry("MALLOC_MMAP_MAX_", "0"),
                Map.entry("MALLOC_TRIM_THRESHOLD_", "1073741824"),
                Map.entry("MALLOC_TOP_PAD_", "268435456"));
        assertThat(AllocatorEnvironment.shellAssignments())
                .isEqualTo("MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=1073741824"
                        + " MALLOC_TOP_PAD_=268435456");
    }

    @Test
    void aChildGetsTheUsersValueWhereSetAndTheDefaultElsewhere() {
        Map<String, String> user = Map.of("MALLOC_TRIM_THRESHOLD_", "0", "PATH", "/bin");
        assertThat(AllocatorEnvironment.forChild(user)).containsExactly(
                Map.entry("MALLOC_MMAP_THRESHOLD_", "33554432"),
                Map.entry("MALLOC_MMAP_MAX_", "0"),
                Map.entry("MALLOC_TRIM_THRESHOLD_", "0"),
                Map.entry("MALLOC_TOP_PAD_", "268435456"));

        Map<String, String> builderEnvironment = new HashMap<>(user);
        AllocatorEnvironment.addMissing(builderEnvironment);
        assertThat(builderEnvironment).containsEntry("MALLOC_TRIM_THRESHOLD_", "0").containsEntry("PATH", "/bin")
                .containsEntry("MALLOC_MMAP_THRESHOLD_", "33554432").containsEntry("MALLOC_MMAP_MAX_", "0")
                .containsEntry("MALLOC_TOP_PAD_", "268435456").hasSize(5);
    }

    @Test
    void theNoticeNamesWhatIsMissingAndHowToSetItOnLinuxOnly() {
        Map<String, String> some = Map.of("MALLOC_TOP_PAD_", "1");
        assertThat(AllocatorEnvironment.missing(some)).isEqualTo(List.of("MALLOC_MMAP_THRESHOLD_", "MALLOC_MMAP_MAX_",
                "MALLOC_TRIM_THRESHOLD_"));
        assertThat(AllocatorEnvironment.notice(some, "Linux", "java -jar cloud-app.jar ...")).hasValueSatisfying(line ->
                assertThat(line).contains("(MALLOC_MMAP_THRESHOLD_, MALLOC_MMAP_MAX_, MALLOC_TRIM_THRESHOLD_ unset)")
                        .contains("start with: MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_MMAP_MAX_=0"
                                + " MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456 java -jar cloud-app.jar ...")
                        .doesNotContain("\n"));
        assertThat(AllocatorEnvironment.notice(AllocatorEnvironment.DEFAULTS, "Linux", "java")).isEmpty();
        assertThat(AllocatorEnvironment.notice(Map.of(), "Mac OS X", "java")).isEmpty();
    }
}
