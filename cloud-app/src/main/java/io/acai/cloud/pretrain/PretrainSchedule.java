package io.acai.cloud.pretrain;

import java.util.Locale;

/**
 * The learning rate of each pass of {@code pretrain}. {@code step}: pass k at {@code lr * decay^(k-1)}.
 * {@code cosine}: {@code warmup} passes rising linearly to {@code lr} (pass k of them at
 * {@code lr * k / (warmup + 1)}), then a half cosine from {@code lr} down to {@code lr * }{@value #COSINE_FLOOR}
 * over the remaining passes, each pass at the curve's value in its middle. Unlike {@code step}, the
 * cosine rate of pass k depends on how many passes there are.
 *
 * @param kind {@code step} or {@code cosine}
 * @param rate the peak (first, for step) learning rate
 * @param decay step's factor per pass, in (0, 1]
 * @param warmup cosine's warm-up passes, {@code >= 0} and below {@code passes}
 * @param passes all passes
 */
record PretrainSchedule(String kind, double rate, double decay, int warmup, int passes) {

    /** Cosine ends at this share of the peak rate. */
    static final double COSINE_FLOOR = 0.02;

    PretrainSchedule {
        if (!kind.equals("step") && !kind.equals("cosine")) {
            throw new IllegalArgumentException("--schedule: \"" + kind + "\" (expected: step or cosine)");
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("--lr-decay: " + decay + " (expected: > 0 and <= 1)");
        }
        if (passes < 1) {
            throw new IllegalArgumentException("--epochs: " + passes + " (expected: >= 1)");
        }
        if (warmup < 0 || warmup >= passes) {
            throw new IllegalArgumentException("--warmup: " + warmup + " (expected: 0.." + (passes - 1)
                    + ", below --epochs " + passes + ")");
        }
    }

    /** The learning rate of pass {@code pass}, 1-based. */
    double rate(int pass) {
        if (kind.equals("step")) {
            return rate * Math.pow(decay, pass - 1);
        }
        if (pass <= warmup) {
            return rate * pass / (warmup + 1);
        }
        double progress = (pass - warmup - 0.5) / (passes - warmup);
        return rate * (COSINE_FLOOR + (1 - COSINE_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    @Override
    public String toString() {
        return kind.equals("step") ? String.format(Locale.ROOT, "step: lr %s x %s^(k-1)", rate, decay)
                : String.format(Locale.ROOT, "cosine: lr %s, %d warm-up passes, floor %s", rate, warmup, COSINE_FLOOR);
    }
}
