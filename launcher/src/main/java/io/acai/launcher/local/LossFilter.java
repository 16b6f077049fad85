package io.acai.launcher.local;

/**
 * Random packet loss without netem: a classic BPF program for tc's {@code bpf} classifier that
 * draws a random 32-bit number per packet (the {@code SKF_AD_RANDOM} ancillary load) and sends the
 * packet to a drop class (whose leaf is a {@code pfifo limit 0}, which drops everything) with the
 * given probability, and to a pass class otherwise.
 *
 * <pre>
 *   ld  rand                 ; A = prandom_u32()
 *   jge #threshold, pass, drop
 *   pass: ret #passClass
 *   drop: ret #dropClass
 * </pre>
 */
final class LossFilter {

    /** {@code SKF_AD_OFF + SKF_AD_RANDOM} as the unsigned 32-bit offset of a classic BPF load. */
    private static final long LOAD_RANDOM = 0x1_0000_0000L - 0x1000 + 56;
    private static final int LD_W_ABS = 0x20;
    private static final int JGE_K = 0x35;
    private static final int RET_K = 0x06;

    private LossFilter() {
    }

    /**
     * The program in tc's {@code bytecode} syntax ({@code count,code jt jf k,...}).
     *
     * @param lossPercent share of packets to drop, 0 to 100
     * @param passClass class id (major &lt;&lt; 16 | minor) of the packets kept
     * @param dropClass class id of the packets dropped
     */
    static String bytecode(double lossPercent, int passClass, int dropClass) {
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("lossPercent: " + lossPercent + " (expected: 0 to 100)");
        }
        long threshold = Math.min(0xFFFF_FFFFL, Math.round(lossPercent / 100.0 * 0x1_0000_0000L));
        return "4," + LD_W_ABS + " 0 0 " + LOAD_RANDOM
                + "," + JGE_K + " 0 1 " + threshold
                + "," + RET_K + " 0 0 " + Integer.toUnsignedString(passClass)
                + "," + RET_K + " 0 0 " + Integer.toUnsignedString(dropClass);
    }
}
