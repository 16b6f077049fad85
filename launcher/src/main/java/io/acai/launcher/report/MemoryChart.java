package io.acai.launcher.report;

import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Memory per machine over time, from consumption.csv. */
public final class MemoryChart implements ReportChart {

    @Override
    public String fileName() {
        return "memory.png";
    }

    @Override
    public String title() {
        return "Memory per machine";
    }

    @Override
    public String caption() {
        return "Resident memory of each machine's processes, in MiB (1 MiB = 1,048,576 bytes), sampled every collection period.";
    }

    @Override
    public String needs() {
        return "consumption.csv";
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        List<MachineUsage> machines = MachineUsage.of(logs.consumption());
        XYChart chart = ChartStyle.timeChart(title(), "Memory (MiB)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        boolean drawn = false;
        for (int i = 0; i < machines.size(); i++) {
            MachineUsage machine = machines.get(i);
            Points points = Points.of(machine.samples(), r -> clock.seconds(r.time()), ConsumptionRow::memoryMib);
            if (!points.isEmpty()) {
                points.addLine(chart, machine.label(), logs.color(machine.machine()), ChartStyle.SOLID);
                drawn = true;
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }
}
