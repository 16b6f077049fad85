package io.acai.protocol;

import java.util.Objects;

/** Argument checks that name the field and the value, as Netty's do. */
final class Arguments {

    private Arguments() {
    }

    static int checkPositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
        }
        return value;
    }

    static int checkNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " : " + value + " (expected: >= 0)");
        }
        return value;
    }

    static float checkUnitInterval(float value, String name) {
        if (!(value >= 0f && value <= 1f)) {
            throw new IllegalArgumentException(name + " : " + value + " (expected: 0 <= " + name + " <= 1)");
        }
        return value;
    }

    static String checkNotEmpty(String value, String name) {
        if (Objects.requireNonNull(value, name).isEmpty()) {
            throw new IllegalArgumentException(name + " : \"\" (expected: not empty)");
        }
        return value;
    }

    static byte[] checkNotEmpty(byte[] value, String name) {
        if (Objects.requireNonNull(value, name).length == 0) {
            throw new IllegalArgumentException(name + " : 0 bytes (expected: not empty)");
        }
        return value;
    }
}
