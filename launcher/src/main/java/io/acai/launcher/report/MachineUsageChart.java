package io.acai.launcher.report;

import io.acai.records.run.ConsumptionRow;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One resource used per machine over time, a line per machine, from consumption.csv: {@link #CPU} or {@link #MEMORY}.
 *
 * @param yAxisLabel     the resource and its unit
 * @param decimalPattern how the y axis prints its values
 * @param value          the resource in one row of consumption.csv, in the unit of {@code yAxisLabel}
 */
public record MachineUsageChart(String fileName, String title, String caption, String yAxisLabel,
                                String decimalPattern, ToDoubleFunction<ConsumptionRow> value) implements ReportChart {

    public static final MachineUsageChart CPU = new MachineUsageChart("cpu.png", "CPU per machine",
            "CPU used by each machine's processes, in cores (1.0 = one core fully busy), sampled every collection period.",
            "CPU (cores)", "0.00", ConsumptionRow::cpuCores);

    public static final MachineUsageChart MEMORY = new MachineUsageChart("memory.png", "Memory per machine",
            "Resident memory of each machine's processes, in MiB (1 MiB = 1,048,576 bytes), sampled every collection period.",
            "Memory (MiB)", "#,##0", ConsumptionRow::memoryMib);

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
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }
}
