package io.newswatch.support.outbound;

import java.net.InetAddress;
import java.util.List;

/**
 * Cloud instance-metadata endpoints, which hand out credentials to whoever asks from the machine:
 * never allowed, whatever {@code outbound.allow} says (AWS IMDS and ECS task metadata, GCP, Azure,
 * OpenStack, DigitalOcean on 169.254.169.254; AWS IPv6 IMDS; Alibaba; Oracle).
 */
final class MetadataAddresses {
    private static final List<Cidr> BLOCKS = List.of(
            Cidr.parse("169.254.169.254/32"), Cidr.parse("169.254.169.253/32"), Cidr.parse("169.254.170.2/32"),
            Cidr.parse("169.254.170.23/32"), Cidr.parse("fd00:ec2::254/128"), Cidr.parse("fd00:ec2::23/128"),
            Cidr.parse("100.100.100.200/32"), Cidr.parse("192.0.0.192/32"));

    private MetadataAddresses() {}

    static boolean contains(InetAddress address) {
        if (BLOCKS.stream().anyMatch(b -> b.contains(address))) return true;
        return EmbeddedIpv4.of(address).stream().anyMatch(MetadataAddresses::contains);
    }
}
