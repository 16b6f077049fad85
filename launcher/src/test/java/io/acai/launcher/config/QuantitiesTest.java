package io.acai.launcher.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantitiesTest {

    @Test
    void cpuInCoresOrMillicores() {
        assertThat(CpuQuantity.parseMillis("2")).isEqualTo(2000);
        assertThat(CpuQuantity.parseMillis("0.5")).isEqualTo(500);
        assertThat(CpuQuantity.parseMillis(".25")).isEqualTo(250);
        assertThat(CpuQuantity.parseMillis("250m")).isEqualTo(250);
        assertThatThrownBy(() -> CpuQuantity.parseMillis("2x")).hasMessageContaining("is not a CPU quantity");
        assertThatThrownBy(() -> CpuQuantity.parseMillis("0.5m")).hasMessageContaining("500m");
        assertThat(CpuQuantity.parseMillis("1024")).isEqualTo(1_024_000);
        assertThatThrownBy(() -> CpuQuantity.parseMillis("0")).hasMessageContaining("out of bounds (expected: from 10m");
        assertThatThrownBy(() -> CpuQuantity.parseMillis("9m")).hasMessageContaining("out of bounds");
        // once an ArithmeticException with its stack trace
        assertThatThrownBy(() -> CpuQuantity.parseMillis("99999999999999999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> CpuQuantity.parseMillis("99999999999999999999m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of bounds");
    }

    @Test
    void memoryInBinaryAndDecimalUnits() {
        assertThat(MemoryQuantity.parseBytes("512Mi")).isEqualTo(512L << 20);
        assertThat(MemoryQuantity.parseBytes("1Gi")).isEqualTo(1L << 30);
        assertThat(MemoryQuantity.parseBytes("1.5Gi")).isEqualTo(3L << 29);
        assertThat(MemoryQuantity.parseBytes("500M")).isEqualTo(500_000_000L);
        assertThat(MemoryQuantity.parseBytes("128974848")).isEqualTo(128_974_848L);
        assertThat(MemoryQuantity.parseBytes("129e6")).isEqualTo(129_000_000L);
        assertThat(MemoryQuantity.parseBytes("16Ti")).isEqualTo(16L << 40);
        assertThatThrownBy(() -> MemoryQuantity.parseBytes("2E")).hasMessageContaining("too large");
        assertThatThrownBy(() -> MemoryQuantity.parseBytes("1")).hasMessageContaining("too small (expected: from 16Mi");
        assertThatThrownBy(() -> MemoryQuantity.parseBytes("1e999999999")).hasMessageContaining("too large");
        assertThatThrownBy(() -> MemoryQuantity.parseBytes("1GB")).hasMessageContaining("is not a memory quantity");
        assertThatThrownBy(() -> MemoryQuantity.parseBytes("100Ei")).hasMessageContaining("too large");
    }

    @Test
    void ratesInBitsUnlessWrittenAsBytes() {
        assertThat(BitRate.parseBitsPerSecond("100mbps")).isEqualTo(100_000_000L);
        assertThat(BitRate.parseBitsPerSecond("100Mbps")).isEqualTo(100_000_000L);
        assertThat(BitRate.parseBitsPerSecond("100mbit")).isEqualTo(100_000_000L);
        assertThat(BitRate.parseBitsPerSecond("1.5gbit")).isEqualTo(1_500_000_000L);
        assertThat(BitRate.parseBitsPerSecond("500kbps")).isEqualTo(500_000L);
        assertThat(BitRate.parseBitsPerSecond("9600bps")).isEqualTo(9600L);
        assertThat(BitRate.parseBitsPerSecond("2MBps")).isEqualTo(16_000_000L);
        assertThat(BitRate.parseBitsPerSecond("2mbyte")).isEqualTo(16_000_000L);
        assertThat(BitRate.parseBitsPerSecond("10KBps")).isEqualTo(80_000L);
        assertThat(BitRate.parseBitsPerSecond("10 mbit")).isEqualTo(10_000_000L);
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("100")).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("100mbs")).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("0mbps")).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("0.0001bps")).hasMessageContaining("too slow");
        assertThat(BitRate.parseBitsPerSecond("10gbit")).isEqualTo(10_000_000_000L);
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("1000000000000mbps")).hasMessageContaining("too fast");
        // 2^63 kbit/s once wrapped to another number; now refused as too fast, exactly
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("9223372036854775808kbit")).hasMessageContaining("too fast");
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("999bps")).hasMessageContaining("too slow");
    }

    @Test
    void lossAsPercentString() {
        assertThat(LossPercent.parse("2.5%")).isEqualTo(2.5);
        assertThat(LossPercent.parse("100%")).isEqualTo(100);
        assertThatThrownBy(() -> LossPercent.parse("101%")).hasMessageContaining("is not a loss");
        assertThatThrownBy(() -> LossPercent.parse("3")).hasMessageContaining("is not a loss");
    }
}
