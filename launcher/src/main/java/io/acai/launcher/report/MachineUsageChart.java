package io.acai.launcher.report;

import io.acai.records.run.ConsumptionRow;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One resource used per machine over time, a line per machine, from consumption.csv: {@link #CPU} or {@link #MEMORY};
 * a machine with a limit in {@code run.json} also gets a dashed line of its colour at that limit, named
 * {@code <machine> limit}.
 *
 * @param yAxisLabel     the resource and its unit
 * @param decimalPattern how the y axis prints its values
 * @param value          the resource in one row of consumption.csv, in the unit of {@code yAxisLabel}
 * @param limit          a machine's limit of the resource, in the same unit, if it has one
 */
public record MachineUsageChart(String fileName, String title, String caption, String yAxisLabel,
                                String decimalPattern, ToDoubleFunction<ConsumptionRow> value,
                                BiFunction<MachineLimits, String, OptionalDouble> limit) implements ReportChart {

    public static final MachineUsageChart CPU = new MachineUsageChart("cpu.png", "CPU per machine",
            "CPU used by each machine's processes, in cores (1.0 = one core fully busy), sampled every collection period;"
                    + " dashed: the machine's CPU limit.",
            "CPU (cores)", "0.00", ConsumptionRow::cpuCores, MachineLimits::cpuCores);

    public static final MachineUsageChart MEMORY = new MachineUsageChart("memory.png", "Memory per machine",
            "Resident memory of each machine's processes, in MiB (1 MiB = 1,048,576 bytes), sampled every collection"
                    + " period; dashed: the machine's memory limit.",
            "Memory (MiB)", "#,##0", ConsumptionRow::memoryMib, MachineLimits::memoryMib);

    /** The series name of a machine's limit line. */
    public static String limitSeries(String machine) {
        return machine + " limit";
    }

    @Override
    public String needs() {
        return ConsumptionRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        XYChart chart = ChartStyle.timeChart(title, yAxisLabel);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern(decimalPattern);
        boolean drawn = false;
        for (MachineUsage machine : MachineUsage.of(logs.consumption())) {
            Points points = Points.of(machine.samples(), r -> clock.seconds(r.time()), value);
            if (!points.isEmpty()) {
                points.addLine(chart, machine.label(), logs.color(machine.machine()), ChartStyle.SOLID);
                drawn = true;
                OptionalDouble max = limit.apply(logs.limits(), machine.machine());
                if (max.isPresent()) {
                    double first = points.x()[0];
                    double last = points.x()[points.x().length - 1];
                    new Points(new double[] {first, last > first ? last : first + 1},
                            new double[] {max.getAsDouble(), max.getAsDouble()})
                            .addLine(chart, limitSeries(machine.machine()), logs.color(machine.machine()), ChartStyle.DASHED);
                }
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }
}
