package io.acai.launcher.compare;

import io.acai.launcher.run.RunDescription;
import io.acai.records.run.RunFiles;
import io.acai.records.run.SummaryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the runs to compare in the folders given. A folder is either a run's logs folder (it holds {@code run.json},
 * {@code summary.csv}, {@code consumption.csv}, {@code links.csv} or a machine folder with its CSV), compared as it
 * is, or a campaign folder: its {@code <run id>/} subfolders with a {@code run.json}, of which those moved aside
 * ({@code *.partial-*}), those not completed and those that failed (exit code other than 0) are skipped with a note.
 */
public final class RunDiscovery {

    /** The name part of a campaign's interrupted attempt moved aside (campaign's RunFolder). */
    static final String PARTIAL = ".partial-";

    /** The runs found, in the order of the folders given (a campaign's runs in the order they started). */
    public record Found(List<FoundRun> runs, List<String> notes) {
    }

    private RunDiscovery() {
    }

    /**
     * The runs in {@code folders}.
     *
     * @throws CompareException when a folder does not exist, is neither a run nor a campaign, or no run is left
     */
    public static Found find(List<Path> folders) throws CompareException {
        if (folders.isEmpty()) {
            throw new CompareException("no folder given (expected: a campaign folder or run folders)");
        }
        List<FoundRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new CompareException(folder + " does not exist or is not a folder");
            }
            if (isRun(folder)) {
                Optional<RunDescription> description = description(folder, notes);
                description.filter(d -> !d.isCompleted()).ifPresent(d -> notes.add(folder
                        + ": its run.json has no completedAt (a run stopped or still going); compared as it is"));
                description.filter(d -> d.isCompleted() && d.exitCode() != null && d.exitCode() != 0)
                        .ifPresent(d -> notes.add(folder + ": the run failed (exit code " + d.exitCode()
                                + "); compared as it is"));
                runs.add(new FoundRun(folder, description, false));
            } else if (isCampaign(folder)) {
                List<FoundRun> inCampaign = campaignRuns(folder, notes);
                if (inCampaign.isEmpty()) {
                    throw new CompareException("no completed runs in campaign folder " + folder
                            + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
                }
                runs.addAll(inCampaign);
            } else {
                throw new CompareException(folder + " is neither a run's logs folder nor a campaign folder (expected: "
                        + "run.json, summary.csv or <machine>/edge_inf.csv in it, or <run id>/run.json folders)");
            }
        }
        return new Found(List.copyOf(runs), List.copyOf(notes));
    }

    /** Whether the folder holds a run's files (rather than runs' folders). */
    public static boolean isRun(Path folder) {
        if (Stream.of(RunDescription.FILE, SummaryRow.SCHEMA.fileName())
                .anyMatch(name -> Files.isRegularFile(folder.resolve(name)))
                || RunFiles.LOGS_FOLDER.stream().anyMatch(s -> Files.isRegularFile(s.in(folder)))) {
            return true;
        }
        return subfolders(folder).stream().anyMatch(machine -> Stream.concat(RunFiles.EDGE.stream(),
                RunFiles.CLOUD.stream()).anyMatch(s -> Files.isRegularFile(s.in(machine))));
    }

    /** Whether the folder holds run folders ({@code <run id>/run.json}) and no run files of its own. */
    public static boolean isCampaign(Path folder) {
        return !isRun(folder) && subfolders(folder).stream()
                .anyMatch(d -> Files.isRegularFile(d.resolve(RunDescription.FILE)));
    }

    private static List<FoundRun> campaignRuns(Path folder, List<String> notes) {
        List<FoundRun> runs = new ArrayList<>();
        for (Path dir : subfolders(folder)) {
            String name = dir.getFileName().toString();
            if (!Files.isRegularFile(dir.resolve(RunDescription.FILE))) {
                continue;
            }
            if (name.contains(PARTIAL)) {
                notes.add("skipped " + name + ": an interrupted attempt, moved aside");
                continue;
            }
            Optional<RunDescription> description = description(dir, notes);
            if (description.isEmpty()) {
                continue;
            }
            RunDescription run = description.get();
            if (!run.isCompleted()) {
                notes.add("skipped " + name + ": not completed (run.json has no completedAt; rerun the campaign)");
            } else if (run.exitCode() != null && run.exitCode() != 0) {
                notes.add("skipped " + name + ": failed (exit code " + run.exitCode() + ")");
            } else {
                runs.add(new FoundRun(dir, description, true));
            }
        }
        runs.sort(Comparator.comparingLong((FoundRun r) -> r.description().orElseThrow().startedAt())
                .thenComparing(FoundRun::id));
        return runs;
    }

    private static Optional<RunDescription> description(Path dir, List<String> notes) {
        if (!Files.isRegularFile(dir.resolve(RunDescription.FILE))) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunDescription.read(dir));
        } catch (IOException e) {
            notes.add("skipped " + dir.getFileName() + "'s run.json: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Path> subfolders(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
