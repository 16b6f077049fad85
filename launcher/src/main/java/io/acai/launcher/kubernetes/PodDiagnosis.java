package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why a pod is not ready, in words a user can act on, read from its status: an image that cannot be
 * pulled, a pod no node can take (the {@code PodScheduled} condition), a container that keeps crashing
 * (with its last exit), plus the pod's recent warning events.
 */
final class PodDiagnosis {

    /** Waiting reasons that will not go away by waiting longer. */
    private static final Set<String> HOPELESS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
            "ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError", "CrashLoopBackOff");

    private static final int EVENTS_SHOWN = 3;

    private PodDiagnosis() {
    }

    static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** A failure that waiting will not cure (image pull, bad config, crash loop), if the pod shows one. */
    static Optional<String> hopeless(Pod pod) {
        for (ContainerStatus status : containerStatuses(pod)) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && HOPELESS.contains(waiting.getReason())) {
                return Optional.of(explain(pod, List.of()));
            }
        }
        return Optional.empty();
    }

    /** What keeps the pod from being ready, followed by its latest warning events. */
    static String explain(Pod pod, List<Event> events) {
        List<String> reasons = new ArrayList<>();
        if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
            for (PodCondition condition : pod.getStatus().getConditions()) {
                if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                    reasons.add("cannot be scheduled (" + condition.getReason() + ": " + condition.getMessage() + ")");
                }
            }
        }
        for (ContainerStatus status : containerStatuses(pod)) {
            reasons.addAll(container(status));
        }
        if (reasons.isEmpty()) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            reasons.add("not ready (phase " + (phase == null ? "unknown" : phase) + ")");
        }
        StringBuilder text = new StringBuilder("pod " + pod.getMetadata().getName() + " " + String.join("; ", reasons));
        List<String> warnings = warnings(pod.getMetadata().getName(), events);
        if (!warnings.isEmpty()) {
            text.append("; events: ").append(String.join(" | ", warnings));
        }
        return text.toString();
    }

    private static List<String> container(ContainerStatus status) {
        List<String> reasons = new ArrayList<>();
        String name = "container " + status.getName();
        ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
        if (waiting != null && waiting.getReason() != null) {
            String reason = waiting.getReason();
            String detail = waiting.getMessage() == null ? "" : ": " + waiting.getMessage();
            if (reason.equals("ImagePullBackOff") || reason.equals("ErrImagePull") || reason.equals("InvalidImageName")
                    || reason.equals("ErrImageNeverPull")) {
                reasons.add(name + ": image " + status.getImage() + " cannot be pulled (" + reason + detail + ")");
            } else if (reason.equals("CrashLoopBackOff")) {
                reasons.add(name + " keeps crashing (CrashLoopBackOff, " + status.getRestartCount() + " restarts"
                        + lastExit(status) + ")");
            } else if (!reason.equals("ContainerCreating") && !reason.equals("PodInitializing")) {
                reasons.add(name + ": " + reason + detail);
            }
        }
        ContainerStateTerminated terminated = status.getState() == null ? null : status.getState().getTerminated();
        if (terminated != null) {
            reasons.add(name + " exited with code " + terminated.getExitCode()
                    + (terminated.getReason() == null ? "" : " (" + terminated.getReason() + ")"));
        }
        return reasons;
    }

    private static String lastExit(ContainerStatus status) {
        ContainerStateTerminated last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        if (last == null) {
            return "";
        }
        String message = last.getMessage() == null ? "" : ": " + last.getMessage().strip();
        return "; last exit code " + last.getExitCode() + (last.getReason() == null ? "" : " (" + last.getReason()
                + message + ")");
    }

    private static List<String> warnings(String podName, List<Event> events) {
        return events.stream()
                .filter(e -> "Warning".equals(e.getType()))
                .filter(e -> e.getInvolvedObject() != null && podName.equals(e.getInvolvedObject().getName()))
                .sorted(Comparator.comparing(PodDiagnosis::eventTime).reversed())
                .limit(EVENTS_SHOWN)
                .map(e -> e.getReason() + ": " + e.getMessage())
                .toList();
    }

    private static String eventTime(Event event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        if (event.getEventTime() != null && event.getEventTime().getTime() != null) {
            return event.getEventTime().getTime();
        }
        return event.getMetadata() == null || event.getMetadata().getCreationTimestamp() == null ? ""
                : event.getMetadata().getCreationTimestamp();
    }

    private static List<ContainerStatus> containerStatuses(Pod pod) {
        if (pod.getStatus() == null) {
            return List.of();
        }
        List<ContainerStatus> all = new ArrayList<>();
        if (pod.getStatus().getInitContainerStatuses() != null) {
            all.addAll(pod.getStatus().getInitContainerStatuses());
        }
        if (pod.getStatus().getContainerStatuses() != null) {
            all.addAll(pod.getStatus().getContainerStatuses());
        }
        return all;
    }
}
