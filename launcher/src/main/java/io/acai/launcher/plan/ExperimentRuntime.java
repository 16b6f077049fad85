package io.acai.launcher.plan;

import java.nio.file.Path;

/** Where an experiment is brought up: this machine or a Kubernetes cluster. */
public interface ExperimentRuntime {

    /**
     * Starts every machine and shapes every link. On failure nothing is left behind: whatever was
     * created before the failure is removed before the exception is thrown.
     */
    Deployment deploy(ExperimentPlan plan, Path logsDir) throws DeployException;

    /** One line saying what this runtime is and what it can and cannot emulate here. */
    String describe();
}
