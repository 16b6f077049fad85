package io.acai.training;

import java.time.Duration;

/**
 * One finished epoch, as {@link DetectorTrainer} reports it while it trains.
 *
 * @param epoch 1-based
 * @param epochs how many there will be
 * @param loss mean loss per step of this epoch
 * @param images frames seen so far
 * @param elapsed since training started
 */
public record EpochReport(int epoch, int epochs, float loss, int images, Duration elapsed) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "epoch %d/%d loss %.4f (%d images, %.1f s)", epoch, epochs, loss,
                images, elapsed.toMillis() / 1000.0);
    }
}
