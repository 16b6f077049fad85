package io.acai.training;

import ai.djl.training.tracker.ParameterTracker;
import java.util.Set;

/**
 * Adam's step size for every parameter and step of one training: the base rate, times a factor for the
 * head's parameters, and, with {@code warmUpCosine}, a linear warm-up over the first tenth of the steps
 * (at least one) followed by a cosine decay to a twentieth of the rate at the last step. Without it the
 * rate is the same at every step.
 *
 * <p>{@code step} is DJL's update count of the parameter: 1 at the first update.
 */
final class LearningRateSchedule implements ParameterTracker {

    /** The share of the base rate the cosine ends at. */
    static final float FINAL_SHARE = 0.05f;

    private final float base;
    private final float headFactor;
    private final Set<String> headParameters;
    private final boolean warmUpCosine;
    private final int totalSteps;
    private final int warmUpSteps;

    /**
     * @param totalSteps the optimiser steps of the whole training, {@code >= 1}
     * @param headParameters ids of the parameters that get {@code headFactor} times the rate
     */
    LearningRateSchedule(float base, float headFactor, Set<String> headParameters, boolean warmUpCosine,
            int totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps: " + totalSteps + " (expected: >= 1)");
        }
        this.base = base;
        this.headFactor = headFactor;
        this.headParameters = Set.copyOf(headParameters);
        this.warmUpCosine = warmUpCosine;
        this.totalSteps = totalSteps;
        this.warmUpSteps = Math.max(1, totalSteps / 10);
    }

    @Override
    public float getNewValue(String parameterId, int step) {
        float rate = headParameters.contains(parameterId) ? base * headFactor : base;
        return rate * share(step);
    }

    /** The share of the rate at this step (1-based). */
    float share(int step) {
        if (!warmUpCosine) {
            return 1f;
        }
        int at = Math.max(1, Math.min(step, totalSteps));
        if (at <= warmUpSteps) {
            return (float) at / warmUpSteps;
        }
        double progress = (double) (at - warmUpSteps) / Math.max(1, totalSteps - warmUpSteps);
        return (float) (FINAL_SHARE + (1 - FINAL_SHARE) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
