package io.acai.edge;

/** Entry point of edge-app.jar. */
public final class EdgeMain {

    private EdgeMain() {
    }

    public static void main(String[] args) {
        System.err.println("edge-app: not implemented yet");
        System.exit(2);
    }
}
