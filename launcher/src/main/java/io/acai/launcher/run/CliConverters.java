package io.acai.launcher.run;

import io.acai.launcher.kubernetes.ShapingMode;
import io.acai.launcher.plan.ImageRegistry;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.options.TimeSpan;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Locale;

/** Command-line values of the launcher, read with the same rules as the config. */
public final class CliConverters {

    private CliConverters() {
    }

    /** {@code --duration 3m}: a positive duration like the config's {@code experiment.duration}. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration duration = TimeSpan.parse(value);
                if (duration.isZero()) {
                    throw new TypeConversionException("'" + value + "' is zero (expected: a positive duration like 90s or 3m)");
                }
                return duration;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' " + e.getMessage());
            }
        }
    }

    /** {@code --image-tag 0.2.0}: a tag as image references allow it. */
    static final class ImageTag implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
                throw new TypeConversionException("'" + value + "' (expected: an image tag: letters, digits, '_', '.'"
                        + " and '-', at most 128, not starting with '.' or '-')");
            }
            return value;
        }
    }

    /** {@code --image-registry registry.example.com/team}: as the config's {@code experiment.imageRegistry}. */
    static final class Registry implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return ImageRegistry.normalize(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' " + e.getMessage());
            }
        }
    }

    /** {@code --runtime local|kubernetes}. */
    public static final class Runtime implements ITypeConverter<RuntimeKind> {
        @Override
        public RuntimeKind convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "local" -> RuntimeKind.LOCAL;
                case "kubernetes", "k8s" -> RuntimeKind.KUBERNETES;
                default -> throw new TypeConversionException("'" + value + "' (expected: local or kubernetes)");
            };
        }
    }

    /** {@code --shaping tc|chaos-mesh|none}. */
    static final class Shaping implements ITypeConverter<ShapingMode> {
        @Override
        public ShapingMode convert(String value) {
            try {
                return ShapingMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' (expected: tc, chaos-mesh or none)");
            }
        }
    }
}
