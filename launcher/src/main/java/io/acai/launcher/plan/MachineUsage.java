package io.acai.launcher.plan;

/**
 * One consumption sample of one machine: a row of {@code consumption.csv}.
 *
 * @param time epoch milliseconds of the sample
 * @param machine machine name
 * @param role cloud or edge (written as the config's category, {@code server} or {@code client})
 * @param cpuCores CPU used since the previous sample, in cores (1.0 = one core busy)
 * @param memoryMib resident memory, in MiB
 */
public record MachineUsage(long time, String machine, Role role, double cpuCores, double memoryMib) {
}
