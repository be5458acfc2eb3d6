package io.newswatch.support.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 address an IPv6 address carries and reaches through a translator or tunnel: IPv4-mapped
 * and -compatible ({@code ::ffff:a.b.c.d}, {@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}),
 * 6to4 ({@code 2002:AABB:CCDD::}) and Teredo ({@code 2001:0:SSSS:SSSS::CCCC:CCCC}, server and the
 * inverted client). Allowing such a range must never open a way to the IPv4 address inside.
 */
final class EmbeddedIpv4 {
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b};

    private EmbeddedIpv4() {}

    static List<InetAddress> of(InetAddress address) {
        if (!(address instanceof Inet6Address)) return List.of();
        byte[] b = address.getAddress();
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return v4(b, 12).stream().toList();
        if (isZero(b, 0, 12) && !isZero(b, 0, 15)) return v4(b, 12).stream().toList(); // ::a.b.c.d, not :: or ::1
        if (Arrays.equals(Arrays.copyOf(b, 4), NAT64)) return v4(b, 12).stream().toList();
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) return v4(b, 2).stream().toList();
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            byte[] client = new byte[4];
            for (int i = 0; i < 4; i++) client[i] = (byte) ~b[12 + i];
            return List.of(v4(b, 4).orElseThrow(), v4(client, 0).orElseThrow());
        }
        return List.of();
    }

    private static Optional<InetAddress> v4(byte[] bytes, int from) {
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4)));
        } catch (UnknownHostException e) {
            return Optional.empty(); // never: four bytes are an address
        }
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }
}
