package io.acai.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where training runs: {@link #AUTO} takes the first GPU when the PyTorch engine sees one and the
 * CPU otherwise, {@link #CPU} always the CPU, {@link #GPU} the first GPU or a clear error. A GPU is
 * only visible when the build bundles a CUDA native (the {@code gpu} Maven profile, docs/gpu.md).
 */
public enum TrainingDevice {
    AUTO, CPU, GPU;

    private static final Logger LOG = LoggerFactory.getLogger(TrainingDevice.class);

    /** Parses {@code auto}, {@code cpu} or {@code gpu}, ignoring case. */
    public static TrainingDevice parse(String value) {
        for (TrainingDevice device : values()) {
            if (device.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return device;
            }
        }
        throw new IllegalArgumentException("device: \"" + value + "\" (expected: auto, cpu or gpu)");
    }

    /**
     * The DJL device to train on.
     *
     * @throws IllegalStateException when {@link #GPU} is asked for and the engine sees none
     */
    public Device resolve() {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device: gpu requested, but the PyTorch engine sees no GPU "
                            + "(is this a build with the CUDA native, mvn -Pgpu, and is a CUDA driver present?"
                            + " see docs/gpu.md)");
                }
                yield Device.gpu(0);
            }
            case AUTO -> {
                Device picked = gpus > 0 ? Device.gpu(0) : Device.cpu();
                LOG.info("training device: auto picked {} ({} GPU(s) visible to PyTorch)", picked, gpus);
                yield picked;
            }
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
