package io.acai.launcher.kubernetes;

import java.time.Duration;

/**
 * Settings of the Kubernetes runtime that are not part of the experiment itself.
 *
 * @param namespace namespace to work in; null derives {@code acai-<experiment name>}
 * @param reuseNamespace allow working in a namespace that exists and was not created by this run
 *     (objects are still only created and deleted by experiment label; the namespace is kept)
 * @param shaping how links are shaped
 * @param readyTimeout how long to wait for every pod to become ready
 * @param imageTag tag of the project's own images ({@code acai-cloud}, {@code acai-cloud-gpu}, {@code acai-edge})
 */
public record KubernetesOptions(String namespace, boolean reuseNamespace, ShapingMode shaping, Duration readyTimeout,
        String imageTag) {

    public KubernetesOptions {
        if (shaping == null) {
            throw new IllegalArgumentException("shaping: null (expected: tc, chaos-mesh or none)");
        }
        if (readyTimeout == null || readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout: " + readyTimeout + " (expected: > 0)");
        }
        if (imageTag == null || imageTag.isBlank()) {
            throw new IllegalArgumentException("imageTag: \"" + imageTag + "\" (expected: a tag like "
                    + ProjectImages.VERSION + ")");
        }
    }

    public static final KubernetesOptions DEFAULT =
            new KubernetesOptions(null, false, ShapingMode.TC, Duration.ofMinutes(5), ProjectImages.VERSION);

    public KubernetesOptions withNamespace(String value) {
        return new KubernetesOptions(value, reuseNamespace, shaping, readyTimeout, imageTag);
    }

    public KubernetesOptions withReuseNamespace(boolean value) {
        return new KubernetesOptions(namespace, value, shaping, readyTimeout, imageTag);
    }

    public KubernetesOptions withShaping(ShapingMode value) {
        return new KubernetesOptions(namespace, reuseNamespace, value, readyTimeout, imageTag);
    }

    public KubernetesOptions withReadyTimeout(Duration value) {
        return new KubernetesOptions(namespace, reuseNamespace, shaping, value, imageTag);
    }

    public KubernetesOptions withImageTag(String value) {
        return new KubernetesOptions(namespace, reuseNamespace, shaping, readyTimeout, value);
    }
}
