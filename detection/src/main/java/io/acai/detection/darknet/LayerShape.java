package io.acai.detection.darknet;

/** The output of a layer for one image: channels x height x width. */
public record LayerShape(int channels, int height, int width) {

    public long size() {
        return (long) channels * height * width;
    }
}
