package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureNamesTest {

    @Property
    void derivedStorageAccountNamesAreAlwaysValid(@ForAll @StringLength(max = 80) String prefix,
                                                  @ForAll String seed) {
        assertThat(AzureNames.storageAccountName(prefix, seed)).matches(AzureNames.STORAGE_ACCOUNT);
    }

    @Property
    void derivedDnsLabelsAreAlwaysValid(@ForAll @StringLength(max = 80) String prefix, @ForAll String seed) {
        assertThat(AzureNames.dnsLabel(prefix, seed)).matches(AzureNames.DNS_LABEL);
    }

    @Test
    void derivedNamesAreStableAndDifferPerStack() {
        String dev = AzureNames.storageAccountName("dsvm-dev", "dsvm-pool/dev/dsvm-dev");
        assertThat(AzureNames.storageAccountName("dsvm-dev", "dsvm-pool/dev/dsvm-dev")).isEqualTo(dev);
        assertThat(AzureNames.storageAccountName("dsvm-dev", "dsvm-pool/prod/dsvm-dev")).isNotEqualTo(dev);
        assertThat(dev).startsWith("dsvmdev").hasSize("dsvmdev".length() + 8);
        assertThat(AzureNames.dnsLabel("dsvm-dev", "x")).startsWith("dsvm-dev-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dsvmshare", "team-share", "a1b", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc"})
    void acceptsShareNames(String name) {
        assertThat(name).matches(AzureNames.SHARE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-share", "share-", "sha--re", "Share", "share_1", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"})
    void rejectsShareNames(String name) {
        assertThat(name).doesNotMatch(AzureNames.SHARE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dsvm", "d", "pool-1", "abcdefghi"})
    void acceptsComputerNamePrefixes(String prefix) {
        assertThat(prefix).matches(AzureNames.COMPUTER_NAME_PREFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1pool", "pool-", "abcdefghij", "Pool"})
    void rejectsComputerNamePrefixes(String prefix) {
        assertThat(prefix).doesNotMatch(AzureNames.COMPUTER_NAME_PREFIX);
    }
}
