package io.acai.launcher.campaign;

import java.nio.file.Files;
import java.nio.file.Path;

/** A base config like the default experiment's shape (a cloud, two edges, two connections) and campaigns over it. */
final class CampaignFiles {

    static final String BASE = """
            {"experiment": {"name": "sweep-base", "duration": "1m", "seed": 7},
             "machines": [
               {"name": "cloud", "category": "server", "port": 7000, "app": {"minRetrainImages": 40}},
               {"name": "edge-near", "category": "client", "app": {"rate": 4, "uploadThreshold": 20}},
               {"name": "edge-far", "category": "client", "app": {"rate": 4}}],
             "connections": [
               {"node1": "cloud", "node2": "edge-near", "bandwidth": "100mbps", "latency": "5ms"},
               {"node1": "cloud", "node2": "edge-far", "bandwidthTo": "10mbps", "bandwidthFrom": "2mbps", "latency": "100ms"}]}
            """;

    private CampaignFiles() {
    }

    /** Writes {@code base.json} and {@code campaign.json} (whose base is {@code base.json}) into {@code dir}. */
    static Path campaign(Path dir, String body) throws Exception {
        Files.writeString(dir.resolve("base.json"), BASE);
        return Files.writeString(dir.resolve("campaign.json"), "{\"base\": \"base.json\", " + body + "}");
    }
}
