package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "10.0.0.0/24", "0.0.0.0/0", "203.0.113.7/32", "192.168.0.0/29"})
    void parsesValidBlocks(String text) {
        assertThat(Ipv4Cidr.parse(text)).map(Ipv4Cidr::toString).contains(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0", "10.0.0/16", "10.0.0.1/24", "256.0.0.0/8", "10.0.0.0/33", "10.0.0.0/-1",
            "ten.0.0.0/8", "10.0.0.0/16 extra", "::1/128"})
    void rejectsMalformedOrHostBits(String text) {
        assertThat(Ipv4Cidr.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/16, 10.0.0.0/24, true", "10.0.0.0/16, 10.1.0.0/24, false", "10.0.0.0/24, 10.0.0.0/16, false",
            "10.0.0.0/16, 10.0.255.0/24, true", "0.0.0.0/0, 192.0.2.0/24, true"})
    void containment(String outer, String inner, boolean expected) {
        assertThat(Ipv4Cidr.parse(outer).orElseThrow().contains(Ipv4Cidr.parse(inner).orElseThrow())).isEqualTo(expected);
    }

    @Property
    void formatThenParseRoundTrips(@ForAll @LongRange(max = 0xFFFFFFFFL) long address,
                                   @ForAll @IntRange(max = 32) int prefix) {
        long network = prefix == 0 ? 0 : address & ((0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
        var cidr = new Ipv4Cidr(network, prefix);
        assertThat(Ipv4Cidr.parse(cidr.toString())).contains(cidr);
        assertThat(cidr.contains(cidr)).isTrue();
        assertThat(cidr.lastAddress() - cidr.networkAddress() + 1).isEqualTo(cidr.size());
    }
}
