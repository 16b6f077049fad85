package io.acai.launcher.plan;

/** Where an experiment runs. */
public enum RuntimeKind {
    /** This machine: network namespaces and tc as root, loopback and a user-space relay otherwise. */
    LOCAL,
    /** A Kubernetes cluster, through the fabric8 client. */
    KUBERNETES
}
