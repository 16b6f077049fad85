package io.acai.edge;

import io.acai.edge.infer.FrameCheck;
import io.acai.edge.model.DetectorLoader;
import java.io.IOException;

/**
 * One edge as a command line describes it, checked and ready to start: what {@code edge-app.jar} starts alone and what
 * an edge host ({@link EdgeHostCommand}) starts for each of its members.
 *
 * @param config the edge's settings
 * @param loader loads its detector
 * @param judge  tells a mispredicted frame
 */
record EdgeLaunch(EdgeConfig config, DetectorLoader loader, FrameCheck judge) {

    EdgeApp start() throws IOException {
        return EdgeApp.start(config, loader, judge);
    }
}
