package io.acai.cloud.store;

import java.io.IOException;

/** New weights were not saved because they do not fit the network or hold non-finite values. */
public class WeightsRejectedException extends IOException {

    public WeightsRejectedException(String message) {
        super(message);
    }

    public WeightsRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
