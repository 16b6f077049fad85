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
    }

    @Test
    void memoryInBinaryAndDecimalUnits() {
        assertThat(MemoryQuantity.parseBytes("512Mi")).isEqualTo(512L << 20);
        assertThat(MemoryQuantity.parseBytes("1Gi")).isEqualTo(1L << 30);
        assertThat(MemoryQuantity.parseBytes("1.5Gi")).isEqualTo(3L << 29);
        assertThat(MemoryQuantity.parseBytes("500M")).isEqualTo(500_000_000L);
        assertThat(MemoryQuantity.parseBytes("128974848")).isEqualTo(128_974_848L);
        assertThat(MemoryQuantity.parseBytes("129e6")).isEqualTo(129_000_000L);
        assertThat(MemoryQuantity.parseBytes("2E")).isEqualTo(2_000_000_000_000_000_000L);
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
        assertThatThrownBy(() -> BitRate.parseBitsPerSecond("0.0001bps")).hasMessageContaining("not a positive rate");
    }

    @Test
    void lossAsPercentString() {
        assertThat(LossPercent.parse("2.5%")).isEqualTo(2.5);
        assertThat(LossPercent.parse("100%")).isEqualTo(100);
        assertThatThrownBy(() -> LossPercent.parse("101%")).hasMessageContaining("is not a loss");
        assertThatThrownBy(() -> LossPercent.parse("3")).hasMessageContaining("is not a loss");
    }
}
