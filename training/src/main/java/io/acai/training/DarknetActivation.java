package io.acai.training;

import ai.djl.ndarray.NDArray;
import io.acai.detection.darknet.Activation;

/** darknet's activations on DJL arrays: leaky with slope {@value Activation#LEAKY_SLOPE}, relu, linear. */
final class DarknetActivation {

    private DarknetActivation() {
    }

    static NDArray apply(NDArray x, Activation activation) {
        return switch (activation) {
            case LEAKY -> ai.djl.nn.Activation.leakyRelu(x, Activation.LEAKY_SLOPE);
            case RELU -> ai.djl.nn.Activation.relu(x);
            case LINEAR -> x;
        };
    }
}
