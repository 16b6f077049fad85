package io.acai.launcher.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code launcher compare <folder>... [--out DIR]}. */
@Command(name = "compare", description = "Compare a campaign's runs, or run folders, in compare.html with PNG charts, "
        + "campaign.csv and campaign_settings.csv.")
public final class CompareSubcommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<folder>", description = "a campaign's logs folder, or run logs folders "
            + "(each labelled by its comment.txt, its experiment.name or its folder name)")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: the folder given, or the "
            + "folder holding all the folders given)")
    Path out;

    @Override
    public Integer call() {
        return CompareCommand.run(folders, out, System.out, System.err);
    }
}
