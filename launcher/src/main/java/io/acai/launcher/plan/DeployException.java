package io.acai.launcher.plan;

/** An experiment could not be brought up; the message says why in terms a user can act on. */
public class DeployException extends Exception {

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
