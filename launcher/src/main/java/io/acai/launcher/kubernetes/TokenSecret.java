package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.MachinePlan;
import io.acai.options.TokenOption;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The experiment's tokens on a cluster: one Secret, {@value #NAME}, holding each machine's token under the
 * machine's name, and in each app container that has one the variable {@link TokenOption#ENVIRONMENT_VARIABLE}
 * taken from it ({@code valueFrom.secretKeyRef}), so that no token is in a Deployment, a pod's spec or its
 * command line. Printed manifests show the Secret without its values ({@link #withoutValues(Secret)}).
 */
public final class TokenSecret {

    /** The Secret's name in the experiment's namespace. */
    public static final String NAME = "acai-tokens";

    private TokenSecret() {
    }

    /** The Secret of the machines that have a token; empty when none has. */
    static Optional<Secret> of(String namespace, String experimentId, List<MachinePlan> machines) {
        TreeMap<String, String> data = new TreeMap<>();
        Base64.Encoder base64 = Base64.getEncoder();
        for (MachinePlan machine : machines) {
            if (machine.hasToken()) {
                data.put(machine.name(), base64.encodeToString(machine.token().getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecretBuilder()
                .withNewMetadata()
                    .withName(NAME)
                    .withNamespace(namespace)
                    .withLabels(ExperimentLabels.experiment(experimentId))
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build());
    }

    /** The app container's variable holding {@code machine}'s token, read from the Secret. */
    static EnvVar environmentVariable(MachinePlan machine) {
        return new EnvVarBuilder().withName(TokenOption.ENVIRONMENT_VARIABLE)
                .withNewValueFrom()
                    .withNewSecretKeyRef().withName(NAME).withKey(machine.name()).withOptional(false).endSecretKeyRef()
                .endValueFrom()
                .build();
    }

    /** {@code secret} as it may be printed: its keys (the machines) kept, every value empty. */
    static Secret withoutValues(Secret secret) {
        TreeMap<String, String> empty = new TreeMap<>();
        secret.getData().keySet().forEach(key -> empty.put(key, ""));
        return new SecretBuilder(secret).withData(empty).build();
    }
}
