package io.acai.detection.darknet;

/** The activations the supported cfgs use; darknet's leaky slope is 0.1. */
public enum Activation {
    LEAKY, LINEAR, RELU;

    public static final float LEAKY_SLOPE = 0.1f;
}
