package io.acai.launcher.campaign;

import java.util.List;

/** A campaign that cannot run, with every problem found (each one names its file, run, path or field). */
public final class CampaignException extends Exception {

    private final List<String> problems;

    public CampaignException(String heading, List<String> problems) {
        super(heading + "\n" + String.join("\n", problems.stream().map(p -> "  " + p.replace("\n", "\n  ")).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
