package io.newswatch.support.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of addresses, {@code 10.0.0.0/8} or {@code fc00::/7}; IPv4 blocks match IPv4 addresses only. */
record Cidr(byte[] network, int prefix, String text) {

    /** Parses {@code address/prefix} (a literal address, never a name: nothing is looked up). */
    static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + text + "' is no CIDR block (address/prefix)");
        String address = trimmed.substring(0, slash);
        if (!address.contains(":") && !address.matches("[0-9.]+")) {
            throw new IllegalArgumentException("'" + text + "' is no CIDR block: the address must be a literal");
        }
        byte[] bytes;
        int prefix;
        try {
            bytes = InetAddress.getByName(address).getAddress();
            prefix = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is no CIDR block (address/prefix)");
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("'" + text + "': prefix must be 0.." + bytes.length * 8);
        }
        return new Cidr(bytes, prefix, trimmed);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
