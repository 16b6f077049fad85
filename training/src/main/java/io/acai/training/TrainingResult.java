package io.acai.training;

import java.time.Duration;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param weights the trained network as a darknet {@code .weights} file's bytes
 * @param lossFirst mean loss per step of the first epoch
 * @param lossLast mean loss per step of the last epoch
 * @param epochLosses mean loss per step of every epoch, in order
 * @param device the DJL device it ran on, for example {@code cpu()} or {@code gpu(0)}
 * @param elapsed wall time of the training loop (weights in and out included)
 * @param images frames seen, counted once per epoch
 * @param steps optimiser steps
 */
public record TrainingResult(byte[] weights, float lossFirst, float lossLast, List<Float> epochLosses, String device,
        Duration elapsed, int images, int steps) {

    public TrainingResult {
        epochLosses = List.copyOf(epochLosses);
    }

    /** Training throughput: images per second of wall time. */
    public double imagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? images / seconds : 0;
    }
}
