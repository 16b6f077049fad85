package io.acai.launcher.campaign;

/** A parameter path that cannot be read or does not lead anywhere in the config, with what exists instead. */
public final class ConfigPathException extends Exception {

    public ConfigPathException(String message) {
        super(message);
    }
}
