package io.acai.launcher.config;

import io.acai.launcher.plan.Resources;

import java.util.List;
import java.util.Optional;

/**
 * A machine's {@code resources}: {@code requests} and {@code limits}, each with {@code cpu},
 * {@code memory} and {@code nvidia.com/gpu} in Kubernetes quantities, as in a pod spec. A request
 * above its limit is an error. The machine's own {@code gpu} field, when given, sets the GPU count.
 */
final class ResourcesSection {

    static final String GPU = "nvidia.com/gpu";
    static final List<String> FIELDS = List.of("requests", "limits");
    static final List<String> AMOUNTS = List.of("cpu", "memory", GPU);

    private ResourcesSection() {
    }

    static Resources read(Optional<ConfigNode> block, Optional<Long> gpuField) {
        long[] requests = {0, 0, 0};
        long[] limits = {0, 0, 0};
        if (block.isPresent()) {
            ConfigNode node = block.get();
            node.checkFields(FIELDS);
            node.object("requests").ifPresent(r -> amounts(r, requests));
            node.object("limits").ifPresent(l -> amounts(l, limits));
            if (requests[0] > 0 && limits[0] > 0 && requests[0] > limits[0]) {
                node.errors().add(node.path("requests.cpu"), requests[0] + "m is above the limit " + limits[0]
                        + "m (expected: at most the limit)");
            }
            if (requests[1] > 0 && limits[1] > 0 && requests[1] > limits[1]) {
                node.errors().add(node.path("requests.memory"), requests[1] + " bytes is above the limit " + limits[1]
                        + " bytes (expected: at most the limit)");
            }
        }
        long gpus = Math.max(requests[2], limits[2]);
        if (gpuField.isPresent()) {
            gpus = gpuField.get();
        }
        return new Resources(requests[0], limits[0], requests[1], limits[1], (int) gpus);
    }

    private static void amounts(ConfigNode node, long[] into) {
        node.checkFields(AMOUNTS);
        node.quantity("cpu", CpuQuantity::parseMillis, "a CPU quantity").ifPresent(v -> into[0] = v);
        node.quantity("memory", MemoryQuantity::parseBytes, "a memory quantity").ifPresent(v -> into[1] = v);
        node.quantity(GPU, ResourcesSection::gpus, "a number of GPUs").ifPresent(v -> into[2] = v);
    }

    private static long gpus(String text) {
        if (!text.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("is not a number of GPUs (expected: a whole number like 1)");
        }
        return Long.parseLong(text);
    }
}
