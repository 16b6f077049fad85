package io.acai.launcher.compare;

import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/** One chart of {@code compare.html}, drawn from the comparison into {@code compare/<fileName>}. */
interface ComparisonChart {

    /** PNG file name under {@code compare/}. */
    String fileName();

    /** Heading above the chart. */
    String title();

    /** How to read it. */
    String caption();

    /** The chart, or empty when no run has data for it. */
    Optional<Chart<?, ?>> draw(Comparison comparison);
}
