package io.github.dsvmpool.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathsTest {
    @Test
    void flattensToLeafPathsKeepingEmptyContainersAndQuotingOddKeys() {
        var leaves = JsonPaths.flatten(JsonParser.parseString("""
                {"inboundNatPools": [{"frontendPortRangeEnd": 50003}, {"name": "jupyter"}],
                 "tags": {"dsvm-pool": "dev", "a.b": "x"}, "rules": [], "settings": {}, "none": null}"""));
        assertThat(leaves).containsOnlyKeys("inboundNatPools[0].frontendPortRangeEnd", "inboundNatPools[1].name",
                "tags.dsvm-pool", "tags[\"a.b\"]", "rules", "settings", "none");
        assertThat(leaves.get("inboundNatPools[0].frontendPortRangeEnd").getAsInt()).isEqualTo(50003);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "inboundNatPools[*].frontendPortRange*, inboundNatPools[0].frontendPortRangeEnd, true",
            "inboundNatPools[*].frontendPortRange*, inboundNatPools[12].frontendPortRangeStart, true",
            "inboundNatPools[*].frontendPortRange*, inboundNatPools[0].backendPort, false",
            "inboundNatPools[*].frontendPortRange*, inboundNatPools[0].frontendPortRangeEnd.x, false",
            "inboundNatPools**, inboundNatPools[1].name, true",
            "inboundNatPools**, inboundNatPoolsX, true",
            "imageReference**, imageReference.sku, true",
            "location, location, true",
            "location, tags.location, false",
    })
    void globsMatchWholePaths(String pattern, String path, boolean matches) {
        assertThat(JsonPaths.glob(pattern).matcher(path).matches()).isEqualTo(matches);
    }

    @Test
    void withinMeansTheSamePathOrBelowIt() {
        assertThat(JsonPaths.isWithin("a.b.c", "a.b")).isTrue();
        assertThat(JsonPaths.isWithin("a.b[0]", "a.b")).isTrue();
        assertThat(JsonPaths.isWithin("a.b", "a.b")).isTrue();
        assertThat(JsonPaths.isWithin("a.bc", "a.b")).isFalse();
    }
}
