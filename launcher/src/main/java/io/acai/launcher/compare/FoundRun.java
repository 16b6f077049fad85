package io.acai.launcher.compare;

import io.acai.launcher.run.RunDescription;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run folder to compare.
 *
 * @param dir         the run's logs folder
 * @param description its {@code run.json}, when it has a readable one
 * @param inCampaign  whether it was found as a {@code <run id>/} folder of a campaign folder, rather than given on its
 *                    own
 */
public record FoundRun(Path dir, Optional<RunDescription> description, boolean inCampaign) {

    /** The folder's name, which is the run's id in a campaign. */
    public String id() {
        return dir.getFileName().toString();
    }

    /** The campaign that ran it, when {@code run.json} names one. */
    public Optional<String> campaign() {
        return description.map(RunDescription::campaign);
    }
}
