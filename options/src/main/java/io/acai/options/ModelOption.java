package io.acai.options;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --model DIR|cfg,weights,names}: the darknet model an app starts from, as a folder holding one
 * {@code .cfg}, {@code .weights} and {@code .names} or the three files comma-separated. The apps read it
 * with {@code io.acai.model.ModelLocation}. A picocli mixin: {@code @Mixin ModelOption model;}.
 */
public final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR|cfg,weights,names",
            description = "the model to start from (default: the project's default model)")
    String model;

    /** The location as given, or empty for the project's default model. */
    public Optional<String> location() {
        return Optional.ofNullable(model);
    }
}
