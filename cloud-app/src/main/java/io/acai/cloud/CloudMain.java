package io.acai.cloud;

/** Entry point of cloud-app.jar. */
public final class CloudMain {

    private CloudMain() {
    }

    public static void main(String[] args) {
        System.err.println("cloud-app: not implemented yet");
        System.exit(2);
    }
}
