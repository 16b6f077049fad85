package io.acai.launcher.plan;

/** Life-cycle state of one machine as a runtime sees it. */
public enum MachineState {
    STARTING,
    RUNNING,
    /** The machine's process or pod ended by itself (crash or normal end); its exit is in its log. */
    EXITED,
    STOPPED
}
