package io.acai.launcher.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.acai.launcher.config.ConfigError;
import io.acai.launcher.config.ConfigException;
import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.RuntimeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Every run of a campaign through the config's own validator ({@link UserConfigReader}), before the
 * first one starts: a value the validator refuses in any run stops the whole campaign, with every
 * failing run's messages.
 */
public final class SweepValidation {

    /** A run whose config the validator accepted, with its plan. */
    public record ValidRun(CampaignRun run, ExperimentPlan plan) {
    }

    private SweepValidation() {
    }

    /**
     * @param runtime overrides each config's {@code runtime}, as {@code run --runtime} does; null keeps it
     * @throws CampaignException naming each failing run (id and values) with the validator's messages
     */
    public static List<ValidRun> validate(CampaignSpec spec, List<CampaignRun> runs, RuntimeKind runtime)
            throws CampaignException {
        List<ValidRun> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CampaignRun run : runs) {
            try {
                String text = CampaignSpec.JSON.writeValueAsString(run.config());
                ExperimentPlan plan = UserConfigReader.parse(text, spec.base(), spec.base().getParent(), runtime);
                valid.add(new ValidRun(run, plan));
            } catch (ConfigException e) {
                StringBuilder message = new StringBuilder("run " + run.id() + " (" + run.describeValues() + "): "
                        + e.errors().size() + (e.errors().size() == 1 ? " error" : " errors"));
                for (ConfigError error : e.errors()) {
                    message.append("\n  ").append(error);
                }
                problems.add(message.toString());
            } catch (JsonProcessingException e) {
                problems.add("run " + run.id() + ": its config cannot be written as JSON: " + e.getOriginalMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CampaignException(spec.file() + ": " + problems.size() + " of " + runs.size()
                    + " runs are not valid configs of " + spec.base() + "; nothing ran", problems);
        }
        return valid;
    }
}
