package io.acai.launcher.run;

import io.acai.launcher.config.ConfigException;
import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.kubernetes.ManifestsWriter;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.RuntimeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code launcher manifests <config>}: prints every Kubernetes object the experiment would create, as
 * YAML documents separated by {@code ---}, for review or {@code kubectl apply -f -}. Needs no cluster.
 */
@Command(name = "manifests", description = "Print every Kubernetes object the experiment would create, as YAML; needs no cluster.")
public final class ManifestsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<config>", description = "the experiment's JSON config (user_config.json)")
    Path config;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            ExperimentPlan plan = UserConfigReader.read(config, RuntimeKind.KUBERNETES);
            spec.commandLine().getOut().print(ManifestsWriter.yaml(plan, cluster.toOptions()));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
