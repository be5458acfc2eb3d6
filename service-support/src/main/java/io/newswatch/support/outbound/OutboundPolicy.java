package io.newswatch.support.outbound;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where this service may send requests that someone else chose (pages and feeds of sources, every
 * redirect hop, robots.txt, webhooks): the public internet only, unless the operator allows named
 * ranges or CIDR blocks ({@code outbound.allow=loopback,private,10.20.0.0/16}). Cloud metadata
 * endpoints are refused even then. A host is resolved once, every address it has is checked, and
 * the caller connects to the checked address ({@link Destination}, {@link PinnedConnections}), so a
 * name cannot answer a public address to the check and a private one to the connection (DNS
 * rebinding). Immutable and thread-safe.
 */
public final class OutboundPolicy {
    /** The setting naming what is allowed besides the public internet. */
    public static final String SETTING = "outbound.allow";

    private final Set<AddressRange> allowedRanges;
    private final List<Cidr> allowedBlocks;
    private final HostResolver resolver;

    private OutboundPolicy(Set<AddressRange> allowedRanges, List<Cidr> allowedBlocks, HostResolver resolver) {
        this.allowedRanges = allowedRanges.isEmpty() ? EnumSet.noneOf(AddressRange.class) : EnumSet.copyOf(allowedRanges);
        this.allowedBlocks = List.copyOf(allowedBlocks);
        this.resolver = resolver;
    }

    /** The public internet only. */
    public static OutboundPolicy publicOnly() {
        return new OutboundPolicy(Set.of(), List.of(), HostResolver.SYSTEM);
    }

    /** The policy of {@value #SETTING} (empty when unset). */
    public static OutboundPolicy from(Settings settings) {
        try {
            return allowing(settings.list(SETTING));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("setting " + SETTING + " (from " + settings.origin(SETTING) + "): " + e.getMessage());
        }
    }

    /**
     * The public internet and {@code allowed}: range names ({@link AddressRange#settingName()}) or CIDR blocks.
     *
     * @throws IllegalArgumentException naming an entry that is neither
     */
    public static OutboundPolicy allowing(Collection<String> allowed) {
        Set<AddressRange> ranges = EnumSet.noneOf(AddressRange.class);
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : allowed) {
            Optional<AddressRange> range = AddressRange.named(entry);
            if (range.isPresent()) {
                ranges.add(range.get());
            } else if (entry.contains("/")) {
                blocks.add(Cidr.parse(entry));
            } else {
                throw new IllegalArgumentException("'" + entry + "' is neither a CIDR block nor one of "
                        + String.join(", ", java.util.Arrays.stream(AddressRange.values()).map(AddressRange::settingName)
                        .toList()));
            }
        }
        return new OutboundPolicy(ranges, blocks, HostResolver.SYSTEM);
    }

    /** This policy, also allowing {@code ranges} (a source that allows private addresses). */
    public OutboundPolicy alsoAllowing(Collection<AddressRange> ranges) {
        Set<AddressRange> more = EnumSet.noneOf(AddressRange.class);
        more.addAll(allowedRanges);
        more.addAll(ranges);
        return new OutboundPolicy(more, allowedBlocks, resolver);
    }

    /** This policy resolving names with {@code resolver} (tests). */
    public OutboundPolicy resolvingWith(HostResolver resolver) {
        return new OutboundPolicy(allowedRanges, allowedBlocks, resolver);
    }

    /**
     * Resolves the host of {@code uri} once and checks every address it has.
     *
     * @return the checked address to connect to, with the original host for Host and TLS
     * @throws RefusedDestinationException when any address is not allowed, saying why in user terms
     * @throws UnknownHostException        when the host cannot be resolved
     */
    public Destination resolve(URI uri) throws RefusedDestinationException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new RefusedDestinationException("not an absolute http(s) URL");
        }
        String host = uri.getHost();
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) throw new UnknownHostException(host);
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                String hint = MetadataAddresses.contains(address) ? "" : "; only public internet addresses are "
                        + "allowed unless the operator allows more (" + SETTING + ")";
                throw new RefusedDestinationException(host + (isLiteral(host) ? " is " : " resolves to ") + refusal.get()
                        + hint);
            }
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Destination(scheme, host, port, addresses[0]);
    }

    /** Why {@code address} may not be connected to, as "a loopback address", or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (MetadataAddresses.contains(address)) {
            return Optional.of("a cloud metadata address, which is never allowed");
        }
        Optional<AddressRange> range = AddressRange.of(address);
        if (range.isPresent() && !allowed(address, range.get())) {
            return Optional.of(range.get().description() + " address");
        }
        for (InetAddress inner : EmbeddedIpv4.of(address)) {
            Optional<String> innerRefusal = refusal(inner);
            if (innerRefusal.isPresent()) {
                return Optional.of("an IPv6 address that leads to " + innerRefusal.get());
            }
        }
        return Optional.empty();
    }

    private boolean allowed(InetAddress address, AddressRange range) {
        return allowedRanges.contains(range) || allowedBlocks.stream().anyMatch(b -> b.contains(address));
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+");
    }

    /** What is allowed besides the public internet, for start-up logs. */
    @Override
    public String toString() {
        List<String> allowed = new ArrayList<>();
        allowedRanges.forEach(r -> allowed.add(r.settingName()));
        allowedBlocks.forEach(b -> allowed.add(b.text()));
        return allowed.isEmpty() ? "public addresses only" : "public addresses and " + String.join(", ", allowed);
    }
}
