package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.config.OutboundSettings;
import io.github.dsvmpool.config.OutboundType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subnet and outbound (SNAT) arithmetic, sized from the pool's maximum instance count. */
class SizingPlansTest {

    @ParameterizedTest
    @CsvSource({"1, 29", "3, 29", "4, 28", "11, 28", "12, 27", "100, 25", "251, 24", "252, 23", "1000, 22"})
    void longestPrefixHoldsTheMaximumPlusReservedAddresses(int maxInstances, int expectedPrefix) {
        assertThat(SubnetPlan.longestPrefixFor(maxInstances)).isEqualTo(expectedPrefix);
    }

    @Property
    void longestPrefixIsTheSmallestSubnetThatHolds(@ForAll @IntRange(min = 1, max = 1000) int maxInstances) {
        int prefix = SubnetPlan.longestPrefixFor(maxInstances);
        assertThat(SubnetPlan.holds(new Ipv4Cidr(0, prefix), maxInstances)).isTrue();
        if (prefix < SubnetPlan.SMALLEST_PREFIX) {
            assertThat(SubnetPlan.holds(new Ipv4Cidr(0, prefix + 1), maxInstances)).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource({
            // max, type, ports/VM, shares entry, public IPs, available
            "1,    auto,         1024,  true,  0,  47184",
            "4,    auto,         1024,  true,  0,  47184",
            "20,   auto,         1024,  true,  0,  47184",
            "20,   auto,         3200,  false, 1,  64512",
            "20,   loadBalancer, 3200,  false, 1,  64000",
            "1000, auto,         1024,  false, 16, 1032192",
            "1000, loadBalancer, 1024,  false, 16, 1024000",
            "1000, natGateway,   8,     false, 1,  64512",
            "2,    natGateway,   1024,  false, 1,  64512"})
    void outboundDesignFollowsTheEightPortBlocks(int max, String type, int portsPerVm, boolean sharesEntry,
                                                 int publicIps, long available) {
        var settings = new OutboundSettings(parse(type), portsPerVm);
        var plan = OutboundPlan.of(settings, max, OutboundPlan.inboundFrontendPorts(true));
        assertThat(plan.sharesEntryFrontend()).isEqualTo(sharesEntry);
        assertThat(plan.publicIpCount()).isEqualTo(publicIps);
        assertThat(plan.portsAvailable()).isEqualTo(available);
        assertThat(plan.refusal()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theIssuesExampleNoLongerFitsOneSharedAddress() {
        // 20 VMs x 3,200 = 64,000 does not fit once the 2 + 2 x 1,050 inbound frontend ports take their 8-port
        // blocks (16,816 ports), whatever the pool's maximum.
        assertThat(OutboundPlan.entryAddressBudget(OutboundPlan.inboundFrontendPorts(true))).isEqualTo(47_184);
        var plan = OutboundPlan.of(new OutboundSettings(OutboundType.LOAD_BALANCER, 3200), 20,
                OutboundPlan.inboundFrontendPorts(true));
        assertThat(plan.sharesEntryFrontend()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void moreThanSixteenAddressesIsRefusedNamingTheSettings() {
        var plan = OutboundPlan.of(new OutboundSettings(OutboundType.LOAD_BALANCER, 2048), 1000,
                OutboundPlan.inboundFrontendPorts(true));
        assertThat(plan.publicIpCount()).isEqualTo(32);
        assertThat(plan.refusal()).hasValueSatisfying(text -> assertThat(text)
                .contains("outboundPortsPerVm", "maxInstanceCount", "32 public IPs", "natGateway"));
    }

    @Property
    void everyAcceptedDesignHoldsThePoolAtItsMaximum(@ForAll @IntRange(min = 1, max = 1000) int max,
                                                     @ForAll @IntRange(min = 1, max = 8000) int blocks,
                                                     @ForAll OutboundType type, @ForAll boolean poolEntry) {
        int portsPerVm = blocks * OutboundPlan.PORT_BLOCK;
        int inbound = OutboundPlan.inboundFrontendPorts(poolEntry);
        var plan = OutboundPlan.of(new OutboundSettings(type, portsPerVm), max, inbound);
        assertThat(plan.type()).isNotEqualTo(OutboundType.AUTO);
        assertThat(plan.portsNeeded()).isEqualTo((long) portsPerVm * max);
        if (plan.refusal().isEmpty()) {
            assertThat(plan.portsNeeded()).isLessThanOrEqualTo(plan.portsAvailable());
            assertThat(plan.publicIpCount()).isBetween(0, OutboundPlan.MAX_PUBLIC_IPS);
            if (plan.sharesEntryFrontend()) {
                assertThat(plan.portsAvailable()).isEqualTo(OutboundPlan.entryAddressBudget(inbound));
            }
        } else {
            assertThat(plan.publicIpCount()).isGreaterThan(OutboundPlan.MAX_PUBLIC_IPS);
        }
    }

    private static OutboundType parse(String type) {
        return java.util.Arrays.stream(OutboundType.values()).filter(value -> value.toString().equals(type))
                .findFirst().orElseThrow();
    }
}
