package io.github.dsvmpool.config;

import io.github.dsvmpool.stackconfig.StackConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NearestKeyTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "'', '', 0",
            "'', abc, 3",
            "abc, '', 3",
            "kitten, sitting, 3",
            "adminPasword, adminPassword, 1",
            "maxInstanceCunt, maxInstanceCount, 1",
            "VMSIZE, vmSize, 0",
            "flaw, lawn, 2",
            "abc, cba, 2"})
    void distanceCountsSingleCharacterEditsIgnoringCase(String from, String to, int expected) {
        assertThat(NearestKey.distance(from, to)).isEqualTo(expected);
        assertThat(NearestKey.distance(to, from)).as("symmetric").isEqualTo(expected);
    }

    static Stream<Arguments> suggestions() {
        return Stream.of(
                arguments("adminPasword", Optional.of("adminPassword")),
                arguments("maxInstanceCunt", Optional.of("maxInstanceCount")),
                arguments("vmsize", Optional.of("vmSize")),
                arguments("allowedSourceRange", Optional.of("allowedSourceRanges")),
                arguments("autoscaling", Optional.of("autoscale")),
                arguments("colour", Optional.empty()),
                arguments("subscriptionId", Optional.empty()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("suggestions")
    void suggestsTheNearestKnownKeyOnlyWhenItIsALikelyTypo(String name, Optional<String> expected) {
        assertThat(NearestKey.among(name, StackConfiguration.keys())).isEqualTo(expected);
    }
}
