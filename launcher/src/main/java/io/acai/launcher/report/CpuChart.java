package io.acai.launcher.report;

import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** CPU per machine over time, from consumption.csv. */
public final class CpuChart implements ReportChart {

    @Override
    public String fileName() {
        return "cpu.png";
    }

    @Override
    public String title() {
        return "CPU per machine";
    }

    @Override
    public String caption() {
        return "CPU used by each machine's processes, in cores (1.0 = one core fully busy), sampled every collection period.";
    }

    @Override
    public String needs() {
        return "consumption.csv";
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        List<MachineUsage> machines = MachineUsage.of(logs.consumption());
        XYChart chart = ChartStyle.timeChart(title(), "CPU (cores)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        boolean drawn = false;
        for (int i = 0; i < machines.size(); i++) {
            MachineUsage machine = machines.get(i);
            Points points = Points.of(machine.samples(), r -> clock.seconds(r.time()), ConsumptionRow::cpuCores);
            if (!points.isEmpty()) {
                points.addLine(chart, machine.label(), logs.color(machine.machine()), ChartStyle.SOLID);
                drawn = true;
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }
}
