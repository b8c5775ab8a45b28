package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subnet and SNAT arithmetic, sized from the pool's maximum instance count. */
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
    @CsvSource({"1, 64000", "4, 16000", "20, 3200", "3, 21328", "100, 640", "1000, 64"})
    void snatPortsSplitOneFrontendAmongTheMaximum(int maxInstances, int expectedPorts) {
        assertThat(SnatPlan.allocatedOutboundPorts(maxInstances)).isEqualTo(expectedPorts);
    }

    @Property
    void snatPortsAreMultiplesOfEightAndFitOneFrontend(@ForAll @IntRange(min = 1, max = 1000) int maxInstances) {
        int ports = SnatPlan.allocatedOutboundPorts(maxInstances);
        assertThat(ports % SnatPlan.PORT_GRANULARITY).isZero();
        assertThat((long) ports * maxInstances).isLessThanOrEqualTo(SnatPlan.PORTS_PER_FRONTEND_IP);
        assertThat(ports).isGreaterThanOrEqualTo(SnatPlan.MINIMUM_USEFUL_PORTS);
    }

    @Property
    void snatRefusesAnEmptyPool(@ForAll @IntRange(min = -5, max = 0) int maxInstances) {
        assertThatThrownBy(() -> SnatPlan.allocatedOutboundPorts(maxInstances))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
