package io.acai.detection.darknet;

/** {@code [shortcut]}: adds the output of layer {@code from} (absolute index) to the previous output. */
public record ShortcutLayer(int line, int from, Activation activation) implements Layer {
}
