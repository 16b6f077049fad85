package io.acai.launcher.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private /24 ({@code 10.213.N.0/24}) that no address or route of the launcher's namespace
 * overlaps, so the run's bridge never shadows a real network (nor another run's bridge).
 *
 * @param prefix the first three octets with a trailing dot, like {@code "10.213.7."}
 */
record PrivateSubnet(String prefix) {

    private static final Pattern CIDR = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+)(?:/(\\d+))?");

    String address(int host) {
        if (host < 1 || host > 254) {
            throw new IllegalArgumentException("host: " + host + " (expected: 1 to 254)");
        }
        return prefix + host;
    }

    String cidr(int host) {
        return address(host) + "/24";
    }

    /** Picks the first free candidate, starting from {@code start} (0 to 255). */
    static PrivateSubnet pick(int start) throws IOException {
        List<long[]> used = new ArrayList<>();
        String listing = HostCommand.run("ip", "-o", "-4", "addr", "show") + "\n" + HostCommand.run("ip", "-4", "route", "show");
        for (String line : listing.lines().toList()) {
            Matcher m = CIDR.matcher(line);
            while (m.find()) {
                int len = m.group(2) == null ? 32 : Integer.parseInt(m.group(2));
                used.add(new long[] {toLong(m.group(1)), len});
            }
        }
        for (int i = 0; i < 256; i++) {
            int n = (start + i) % 256;
            long candidate = toLong("10.213." + n + ".0");
            if (used.stream().noneMatch(u -> overlaps(candidate, 24, u[0], (int) u[1]))) {
                return new PrivateSubnet("10.213." + n + ".");
            }
        }
        throw new IOException("no free /24 in 10.213.0.0/16 for the experiment's bridge");
    }

    static boolean overlaps(long a, int aLen, long b, int bLen) {
        int len = Math.min(aLen, bLen);
        long mask = len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
        return (a & mask) == (b & mask);
    }

    static long toLong(String dotted) {
        long value = 0;
        for (String octet : dotted.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
