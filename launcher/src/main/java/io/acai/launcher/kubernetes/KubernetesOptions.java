package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ImageRegistry;

import java.time.Duration;

/**
 * Settings of the Kubernetes runtime that are not part of the experiment itself.
 *
 * @param namespace namespace to work in; null derives {@code acai-<experiment name>}
 * @param reuseNamespace allow working in a namespace that exists and was not created by this run
 *     (objects are still only created and deleted by experiment label; the namespace is kept)
 * @param shaping how links are shaped
 * @param readyTimeout how long to wait for every pod to run, and again, once the apps start, to become ready
 * @param imageTag tag of the project's own images ({@code acai-cloud}, {@code acai-cloud-gpu}, {@code acai-edge})
 * @param imageRegistry registry and repository of the project's own images ({@link ImageRegistry}); empty: the
 *     config's {@code experiment.imageRegistry}, else the bare image names
 * @param measureLinks whether every shaped link is measured into {@code links.csv} once shaping is in place (and the
 *     Services of listening machines expose the probe's port); off in {@link #DEFAULT}, on for a launcher run unless
 *     {@code --no-link-measurement}
 */
public record KubernetesOptions(String namespace, boolean reuseNamespace, ShapingMode shaping, Duration readyTimeout,
        String imageTag, String imageRegistry, boolean measureLinks) {

    public KubernetesOptions {
        imageRegistry = ImageRegistry.normalize(imageRegistry == null ? "" : imageRegistry);
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

    public static final KubernetesOptions DEFAULT = new KubernetesOptions(null, false, ShapingMode.TC,
            Duration.ofMinutes(5), ProjectImages.VERSION, "", false);

    public KubernetesOptions withNamespace(String value) {
        return new KubernetesOptions(value, reuseNamespace, shaping, readyTimeout, imageTag, imageRegistry, measureLinks);
    }

    public KubernetesOptions withReuseNamespace(boolean value) {
        return new KubernetesOptions(namespace, value, shaping, readyTimeout, imageTag, imageRegistry, measureLinks);
    }

    public KubernetesOptions withShaping(ShapingMode value) {
        return new KubernetesOptions(namespace, reuseNamespace, value, readyTimeout, imageTag, imageRegistry,
                measureLinks);
    }

    public KubernetesOptions withReadyTimeout(Duration value) {
        return new KubernetesOptions(namespace, reuseNamespace, shaping, value, imageTag, imageRegistry, measureLinks);
    }

    public KubernetesOptions withImageTag(String value) {
        return new KubernetesOptions(namespace, reuseNamespace, shaping, readyTimeout, value, imageRegistry,
                measureLinks);
    }

    /** @throws IllegalArgumentException when {@code value} is not a registry ({@link ImageRegistry#EXPECTED}) */
    public KubernetesOptions withImageRegistry(String value) {
        return new KubernetesOptions(namespace, reuseNamespace, shaping, readyTimeout, imageTag, value, measureLinks);
    }

    public KubernetesOptions withMeasureLinks(boolean value) {
        return new KubernetesOptions(namespace, reuseNamespace, shaping, readyTimeout, imageTag, imageRegistry, value);
    }

    /** The reference of one of the project's images under these options: {@code [<registry>/]<name>:<tag>}. */
    public String projectImage(String name) {
        return ImageRegistry.reference(imageRegistry, name, imageTag);
    }
}
