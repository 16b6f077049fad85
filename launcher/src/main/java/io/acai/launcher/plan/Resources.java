package io.acai.launcher.plan;

/**
 * CPU and memory of one machine, already parsed from Kubernetes quantities. A value of 0 means
 * "not set". {@link #cpuLimitMillis()} bounds the machine's CPU time (1000 = one core);
 * {@link #memoryLimitBytes()} its resident memory; {@code gpus} is the number of
 * {@code nvidia.com/gpu} the machine asks for.
 */
public record Resources(long cpuRequestMillis, long cpuLimitMillis, long memoryRequestBytes,
        long memoryLimitBytes, int gpus) {

    public static final Resources NONE = new Resources(0, 0, 0, 0, 0);

    public Resources {
        if (cpuRequestMillis < 0 || cpuLimitMillis < 0 || memoryRequestBytes < 0 || memoryLimitBytes < 0 || gpus < 0) {
            throw new IllegalArgumentException("resources must not be negative");
        }
    }

    /** Whole processors a JVM limited to {@link #cpuLimitMillis()} should believe it has (at least 1); 0 when unlimited. */
    public int processors() {
        return cpuLimitMillis == 0 ? 0 : (int) Math.max(1, (cpuLimitMillis + 999) / 1000);
    }
}
