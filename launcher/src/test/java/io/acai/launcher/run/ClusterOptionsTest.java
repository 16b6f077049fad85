package io.acai.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.kubernetes.KubernetesOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClusterOptionsTest {

    @Test
    void optionsLeftOutKeepTheDefaultsAndGivenOnesReachTheRuntime() {
        ClusterOptions none = new ClusterOptions();
        new CommandLine(none).parseArgs();
        assertThat(none.toOptions()).isEqualTo(KubernetesOptions.DEFAULT);

        ClusterOptions given = new ClusterOptions();
        new CommandLine(given).parseArgs("--ready-timeout", "1m30s", "--image-tag", "lab-7", "--namespace", "lab",
                "--reuse-namespace", "--image-registry", "reg.example.com:5000/team");
        KubernetesOptions options = given.toOptions();
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.imageTag()).isEqualTo("lab-7");
        assertThat(options.imageRegistry()).isEqualTo("reg.example.com:5000/team");
        assertThat(options.namespace()).isEqualTo("lab");
        assertThat(options.reuseNamespace()).isTrue();
        assertThat(options.shaping()).isEqualTo(KubernetesOptions.DEFAULT.shaping());
    }
}
