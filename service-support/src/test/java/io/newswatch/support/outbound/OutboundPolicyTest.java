package io.newswatch.support.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {
    private static final OutboundPolicy PUBLIC = OutboundPolicy.publicOnly();

    /** Every range refused by default, with the name that allows it. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.255.255.254, loopback", "::1, loopback",
            "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "fec0::1, private",
            "169.254.1.1, link-local", "fe80::1, link-local",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "100.64.0.1, cgnat", "100.127.255.255, cgnat",
            "224.0.0.1, multicast", "239.255.255.250, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "0.1.2.3, unspecified", "::, unspecified",
            "255.255.255.255, broadcast",
            "240.0.0.1, reserved", "250.1.2.3, reserved", "100::1, reserved",
            "198.18.0.1, benchmark", "198.19.255.255, benchmark", "2001:2::1, benchmark",
            "192.0.2.1, documentation", "198.51.100.7, documentation", "203.0.113.9, documentation",
            "2001:db8::1, documentation",
            "192.0.0.8, protocol-assignments", "192.88.99.1, protocol-assignments",
            "64:ff9b::808:808, nat64",
            "2002:808:808::1, 6to4",
            "2001:0:808:808::fefd:fcfb, teredo"})
    void isRefusedByDefaultAndAllowedByItsName(String address, String range) throws Exception {
        InetAddress a = InetAddress.getByName(address);
        assertTrue(PUBLIC.refusal(a).isPresent(), address + " should be refused");
        assertEquals(Optional.empty(), OutboundPolicy.allowing(List.of(range)).refusal(a), address + " allowed by " + range);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "192.169.0.1", "169.253.255.255", "198.17.255.255", "198.20.0.1", "223.255.255.255", "2606:4700::1111",
            "2a00:1450:4001::200e"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertEquals(Optional.empty(), PUBLIC.refusal(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192",
            "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1"})
    void cloudMetadataIsNeverAllowedWhateverTheSetting(String address) throws Exception {
        OutboundPolicy everything = OutboundPolicy.allowing(List.of("loopback", "private", "link-local",
                "unique-local", "cgnat", "protocol-assignments", "nat64", "6to4", "0.0.0.0/0", "::/0"));
        Optional<String> refusal = everything.refusal(InetAddress.getByName(address));
        assertTrue(refusal.isPresent() && refusal.get().contains("metadata"), address + ": " + refusal);
    }

    /** Allowing a translation or tunnel range must not open the way to the IPv4 address inside. */
    @ParameterizedTest
    @ValueSource(strings = {"::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::1",
            "2002:a00:1::", "2001:0:7f00:1::1", "2001:0:808:808::80ff:fffe"})
    void theEmbeddedIpv4AddressIsCheckedToo(String address) throws Exception {
        OutboundPolicy tunnels = OutboundPolicy.allowing(List.of("nat64", "6to4", "teredo", "ipv4-compatible"));
        assertTrue(tunnels.refusal(InetAddress.getByName(address)).isPresent(), address);
    }

    @Test
    void cidrBlocksAllowExactlyTheirAddresses() throws Exception {
        OutboundPolicy policy = OutboundPolicy.allowing(List.of("10.20.0.0/16", "fd00:1::/32"));
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("10.20.3.4")));
        assertTrue(policy.refusal(InetAddress.getByName("10.21.0.1")).isPresent());
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("fd00:1::5")));
        assertTrue(policy.refusal(InetAddress.getByName("fd00:2::5")).isPresent());
    }

    @Test
    void theSettingIsReadAndNonsenseRefusedNamingIt() {
        OutboundPolicy policy = OutboundPolicy.from(Settings.of(Map.of(OutboundPolicy.SETTING, "loopback, 10.0.0.0/8")));
        assertEquals("public addresses and loopback, 10.0.0.0/8", policy.toString());
        assertEquals("public addresses only", OutboundPolicy.from(Settings.of(Map.of())).toString());
        ConfigException e = assertThrows(ConfigException.class,
                () -> OutboundPolicy.from(Settings.of(Map.of(OutboundPolicy.SETTING, "intranet"))));
        assertTrue(e.getMessage().contains("outbound.allow") && e.getMessage().contains("'intranet'"), e.getMessage());
        assertThrows(ConfigException.class,
                () -> OutboundPolicy.from(Settings.of(Map.of(OutboundPolicy.SETTING, "example.org/24"))));
    }

    @Test
    void aNameIsResolvedOnceAndRefusedWhenAnyOfItsAddressesIs() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        OutboundPolicy policy = PUBLIC.resolvingWith(host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")};
        });
        RefusedDestinationException e = assertThrows(RefusedDestinationException.class,
                () -> policy.resolve(URI.create("https://hooks.example.org/x")));
        assertEquals("hooks.example.org resolves to a private-network address; only public internet addresses are "
                + "allowed unless the operator allows more (outbound.allow)", e.getMessage());
        assertEquals(1, lookups.get());
    }

    @Test
    void theCheckedAddressIsTheOneToConnectTo() throws Exception {
        InetAddress checked = InetAddress.getByName("93.184.216.34");
        OutboundPolicy policy = PUBLIC.resolvingWith(host -> new InetAddress[] {checked});
        Destination d = policy.resolve(URI.create("https://news.example.org/a"));
        assertEquals(new Destination("https", "news.example.org", 443, checked), d);
        assertEquals(80, policy.resolve(URI.create("http://news.example.org/a")).port());
        assertEquals(8443, policy.resolve(URI.create("https://news.example.org:8443/a")).port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/",
            "http://127.0.0.1:9200/", "http://[::1]:8081/admin/reload", "http://0.0.0.0:8080/", "ftp://example.org/"})
    void literalDestinationsAreRefusedWithoutLookup(String url) {
        OutboundPolicy policy = PUBLIC.resolvingWith(host -> InetAddress.getAllByName(host));
        assertThrows(RefusedDestinationException.class, () -> policy.resolve(URI.create(url)));
    }

    @Test
    void anUnknownHostIsNotARefusal() {
        OutboundPolicy policy = PUBLIC.resolvingWith(host -> {
            throw new UnknownHostException(host);
        });
        assertThrows(UnknownHostException.class, () -> policy.resolve(URI.create("https://nowhere.invalid/")));
    }
}
