package io.acai.launcher;

/** Entry point of launcher.jar. */
public final class LauncherMain {

    private LauncherMain() {
    }

    public static void main(String[] args) {
        System.err.println("launcher: not implemented yet");
        System.exit(2);
    }
}
