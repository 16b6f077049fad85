package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.plan.MachineState;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Reasons read from pod status as a kubelet reports them. */
class PodDiagnosisTest {

    private static Pod crashLooping() {
        return new PodBuilder().withNewMetadata().withName("cloud-5c7d8-abcde").endMetadata()
                .withNewStatus().withPhase("Running")
                    .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                    .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady").endCondition()
                    .addNewContainerStatus().withName("app").withImage("acai-cloud:0.1.0-SNAPSHOT").withReady(false)
                        .withRestartCount(4)
                        .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                            .withMessage("back-off 1m20s restarting failed container=app").endWaiting().endState()
                        .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error")
                            .withMessage("cloud-app: model file /models/acai.weights not found\n").endTerminated()
                        .endLastState()
                    .endContainerStatus()
                    .addNewContainerStatus().withName("shaper").withReady(true).withRestartCount(0)
                        .withNewState().withNewRunning().endRunning().endState().endContainerStatus()
                .endStatus().build();
    }

    @Test
    void aCrashLoopIsHopelessAndShowsTheLastExitAndWarnings() {
        Pod pod = crashLooping();
        assertThat(PodDiagnosis.isReady(pod)).isFalse();
        assertThat(PodDiagnosis.hopeless(pod)).isPresent();
        String text = PodDiagnosis.explain(pod, List.of(
                new EventBuilder().withType("Warning").withReason("BackOff")
                        .withMessage("Back-off restarting failed container app").withLastTimestamp("2026-01-01T00:01:00Z")
                        .withNewInvolvedObject().withName("cloud-5c7d8-abcde").endInvolvedObject().build(),
                new EventBuilder().withType("Normal").withReason("Pulled").withMessage("already present")
                        .withNewInvolvedObject().withName("cloud-5c7d8-abcde").endInvolvedObject().build(),
                new EventBuilder().withType("Warning").withReason("BackOff").withMessage("another pod's")
                        .withNewInvolvedObject().withName("edge-1-5c7d8-abcde").endInvolvedObject().build()));

        assertThat(text).isEqualTo("pod cloud-5c7d8-abcde container app keeps crashing (CrashLoopBackOff, 4 restarts;"
                + " last exit code 1 (Error: cloud-app: model file /models/acai.weights not found)); events: BackOff:"
                + " Back-off restarting failed container app");
        assertThat(KubernetesDeployment.state(List.of(pod))).isEqualTo(MachineState.EXITED);
    }

    @Test
    void aPodStillCreatingItsContainersIsNotHopeless() {
        Pod pod = new PodBuilder().withNewMetadata().withName("edge-1-5c7d8-abcde").endMetadata()
                .withNewStatus().withPhase("Pending")
                    .addNewContainerStatus().withName("app").withReady(false).withRestartCount(0)
                        .withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState()
                    .endContainerStatus()
                .endStatus().build();
        assertThat(PodDiagnosis.hopeless(pod)).isEmpty();
        assertThat(PodDiagnosis.explain(pod, List.of())).isEqualTo("pod edge-1-5c7d8-abcde not ready (phase Pending)");
        assertThat(KubernetesDeployment.state(List.of(pod))).isEqualTo(MachineState.STARTING);
        assertThat(KubernetesDeployment.state(List.of())).isEqualTo(MachineState.STARTING);
    }
}
