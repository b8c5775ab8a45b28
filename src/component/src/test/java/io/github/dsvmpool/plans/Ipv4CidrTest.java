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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.5/24     | host bits set: 203.0.113.5 is inside 203.0.113.0/24, whose network address is 203.0.113.0; write 203.0.113.0/24",
            "10.0.0.1/16        | host bits set: 10.0.0.1 is inside 10.0.0.0/16, whose network address is 10.0.0.0; write 10.0.0.0/16",
            "203.0.113.0/33     | prefix length '33' is not 0-32",
            "10.0.0.0/-1        | prefix length '-1' is not 0-32",
            "10.0.0.0/          | prefix length '' is not 0-32",
            "256.0.0.0/8        | not an IPv4 address: 256 is above 255",
            "office/24          | not an IPv4 address: 'office' is not four numbers joined by dots",
            "10.0.0/16          | not an IPv4 address: '10.0.0' is not four numbers joined by dots",
            "::1/128            | not an IPv4 address: '::1' is not four numbers joined by dots",
            "10.0.0.0           | not a CIDR block: no prefix length (write a.b.c.d/n)"})
    void eachMalformedBlockIsNamedByTheRuleItBreaks(String text, String expected) {
        assertThat(Ipv4Cidr.problem(text)).contains(expected);
    }

    @Property
    void aProblemIsNamedExactlyWhenParsingFails(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long address,
                                               @ForAll @IntRange(min = 0, max = 40) int prefix) {
        String text = (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                + (address & 255) + "/" + prefix;
        assertThat(Ipv4Cidr.problem(text).isEmpty()).isEqualTo(Ipv4Cidr.parse(text).isPresent());
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
