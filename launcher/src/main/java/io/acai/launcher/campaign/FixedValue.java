package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value a campaign's {@code "set"} writes into every run's config ({@code "experiment.duration": "3m30s"}):
 * part of each run's resolved config in {@code run.json}, but not swept, so never in a run id.
 */
public record FixedValue(ConfigPath path, JsonNode value) {
}
