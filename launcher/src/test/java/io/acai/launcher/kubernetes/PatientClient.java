package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.util.function.Consumer;

/**
 * Gives the mock server's client generous timeouts: the in-JVM mock answers slowly on a busy shared
 * machine, and a test should fail for what it checks, not because a connection took 10 s.
 */
public final class PatientClient implements Consumer<KubernetesClientBuilder> {

    @Override
    public void accept(KubernetesClientBuilder builder) {
        builder.editOrNewConfig().withConnectionTimeout(60_000).withRequestTimeout(60_000).endConfig();
    }
}
