package io.acai.cloud.train;

/**
 * PyTorch's CPU thread count, set before the engine loads: on a shared machine one thread per
 * training process is often much faster than the default (one per core), because OpenMP threads
 * that wait for a busy core spin instead of working.
 */
public final class TorchThreads {

    private TorchThreads() {
    }

    /** Asks for {@code threads} intra-op threads (and one inter-op thread); 0 keeps PyTorch's default. */
    public static void limit(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads: " + threads + " (expected: >= 0, 0 for PyTorch's default)");
        }
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    }
}
