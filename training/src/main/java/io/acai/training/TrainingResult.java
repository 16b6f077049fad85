package io.acai.training;

import java.time.Duration;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param weights the trained network as a darknet {@code .weights} file's bytes
 * @param epochLosses mean loss per step of every epoch, in order (at least one)
 * @param device the DJL device it ran on, for example {@code cpu()} or {@code gpu(0)}
 * @param elapsed wall time of the training loop (weights in and out included)
 * @param images frames seen, counted once per epoch
 * @param steps optimiser steps
 */
public record TrainingResult(byte[] weights, List<Float> epochLosses, String device, Duration elapsed, int images,
        int steps) {

    public TrainingResult {
        epochLosses = List.copyOf(epochLosses);
        if (epochLosses.isEmpty()) {
            throw new IllegalArgumentException("epochLosses: none (expected: one per epoch, at least one)");
        }
    }

    /** Mean loss per step of the first epoch. */
    public float lossFirst() {
        return epochLosses.get(0);
    }

    /** Mean loss per step of the last epoch. */
    public float lossLast() {
        return epochLosses.get(epochLosses.size() - 1);
    }

    /** Training throughput: images per second of wall time. */
    public double imagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? images / seconds : 0;
    }
}
