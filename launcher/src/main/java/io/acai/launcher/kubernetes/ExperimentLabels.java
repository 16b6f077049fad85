package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels that mark what the launcher created. Everything carries
 * {@code app.kubernetes.io/managed-by=acai-launcher} and {@code acai.io/experiment=<id>}; teardown
 * deletes by these labels only, so objects of other experiments or other tools are never touched.
 */
public final class ExperimentLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "acai-launcher";
    public static final String EXPERIMENT = "acai.io/experiment";
    public static final String MACHINE = "acai.io/machine";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String COMPONENT = "app.kubernetes.io/component";
    /** On a static control's objects: the edge whose frames it sees. */
    public static final String CONTROL_OF = "acai.io/control-of";
    /** Annotation on a namespace the launcher created (not only labelled) for an experiment. */
    public static final String CREATED_BY_RUN = "acai.io/created-by-run";

    private ExperimentLabels() {
    }

    /** Labels of every object of one experiment. */
    public static Map<String, String> experiment(String experimentId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(EXPERIMENT, experimentId);
        return labels;
    }

    /** Labels of one machine's objects (also its pod selector together with the experiment labels). */
    public static Map<String, String> machine(String experimentId, MachinePlan machine) {
        Map<String, String> labels = experiment(experimentId);
        labels.put(MACHINE, machine.name());
        labels.put(NAME, machine.role() == Role.CLOUD ? "acai-cloud" : "acai-edge");
        labels.put(COMPONENT, machine.role() == Role.CLOUD ? "cloud" : "edge");
        if (machine.isControl()) {
            labels.put(CONTROL_OF, machine.controlOf());
        }
        return labels;
    }

    /** The selector that picks one machine's pods. */
    public static Map<String, String> selector(String experimentId, String machine) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(EXPERIMENT, experimentId);
        labels.put(MACHINE, machine);
        return labels;
    }
}
