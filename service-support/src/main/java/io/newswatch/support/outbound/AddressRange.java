package io.newswatch.support.outbound;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The named address ranges that are not the public internet (RFC 6890 special-purpose registries),
 * which outbound requests refuse unless the operator allows them by name in {@code outbound.allow}.
 * Ordered most specific first: an address belongs to the first range that contains it.
 */
public enum AddressRange {
    LOOPBACK("a loopback", "127.0.0.0/8", "::1/128"),
    PRIVATE("a private-network", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fec0::/10"),
    LINK_LOCAL("a link-local", "169.254.0.0/16", "fe80::/10"),
    UNIQUE_LOCAL("a unique-local IPv6", "fc00::/7"),
    CGNAT("a carrier-grade NAT", "100.64.0.0/10"),
    MULTICAST("a multicast", "224.0.0.0/4", "ff00::/8"),
    UNSPECIFIED("an unspecified (\"this network\")", "0.0.0.0/8", "::/128"),
    BROADCAST("the broadcast", "255.255.255.255/32"),
    RESERVED("a reserved", "240.0.0.0/4", "100::/64", "2001:10::/28", "2001:20::/28"),
    BENCHMARK("a benchmarking", "198.18.0.0/15", "2001:2::/48"),
    DOCUMENTATION("a documentation", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32",
            "3fff::/20"),
    TEREDO("a Teredo", "2001::/32"),
    PROTOCOL_ASSIGNMENTS("an IETF protocol", "192.0.0.0/24", "192.88.99.0/24", "2001::/23"),
    NAT64("a NAT64", "64:ff9b::/96", "64:ff9b:1::/48"),
    SIX_TO_FOUR("a 6to4", "2002::/16"),
    IPV4_COMPATIBLE("an IPv4-compatible IPv6", "::/96");

    private final String description;
    private final List<Cidr> blocks;

    AddressRange(String description, String... blocks) {
        this.description = description;
        this.blocks = Arrays.stream(blocks).map(Cidr::parse).toList();
    }

    /** The name used in {@code outbound.allow}: {@code loopback}, {@code link-local}, {@code 6to4}, ... */
    public String settingName() {
        return this == SIX_TO_FOUR ? "6to4" : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How a refusal names it: "a loopback", "a private-network". */
    String description() {
        return description;
    }

    boolean contains(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /** The range named {@code name} in a setting (case-insensitive; {@code _} and {@code -} alike). */
    static Optional<AddressRange> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.settingName().equals(wanted)).findFirst();
    }

    /** The most specific range {@code address} is in (Teredo before the protocol block containing it), if any. */
    static Optional<AddressRange> of(InetAddress address) {
        return Arrays.stream(values()).filter(r -> r.contains(address)).findFirst();
    }
}
