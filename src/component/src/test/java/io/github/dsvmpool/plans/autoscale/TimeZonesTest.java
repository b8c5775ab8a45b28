package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.TimeZones;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TimeZonesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "UTC                            | UTC",
            "Etc/UTC                        | UTC",
            "Europe/Berlin                  | W. Europe Standard Time",
            "Europe/Amsterdam               | W. Europe Standard Time",
            "Europe/Paris                   | Romance Standard Time",
            "Europe/London                  | GMT Standard Time",
            "Europe/Warsaw                  | Central European Standard Time",
            "Europe/Prague                  | Central Europe Standard Time",
            "Europe/Helsinki                | FLE Standard Time",
            "Europe/Athens                  | GTB Standard Time",
            "Europe/Istanbul                | Turkey Standard Time",
            "Europe/Moscow                  | Russian Standard Time",
            "America/New_York               | Eastern Standard Time",
            "America/Chicago                | Central Standard Time",
            "America/Denver                 | Mountain Standard Time",
            "America/Phoenix                | US Mountain Standard Time",
            "America/Los_Angeles            | Pacific Standard Time",
            "America/Sao_Paulo              | E. South America Standard Time",
            "America/Mexico_City            | Central Standard Time (Mexico)",
            "America/Argentina/Buenos_Aires | Argentina Standard Time",
            "Asia/Kolkata                   | India Standard Time",
            "Asia/Shanghai                  | China Standard Time",
            "Asia/Singapore                 | Singapore Standard Time",
            "Asia/Tokyo                     | Tokyo Standard Time",
            "Asia/Seoul                     | Korea Standard Time",
            "Australia/Sydney               | AUS Eastern Standard Time",
            "Australia/Perth                | W. Australia Standard Time",
            "Pacific/Auckland               | New Zealand Standard Time",
            "W. Europe Standard Time        | W. Europe Standard Time",
            "Pacific Standard Time (Mexico) | Pacific Standard Time (Mexico)",
            "UTC+12                         | UTC+12",
    })
    void translatesIanaNamesAndKeepsWindowsIds(String configured, String windows) {
        assertThat(TimeZones.toWindows(configured)).contains(windows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"w. europe standard time", "europe/berlin", "CET", "Europe/Berlinn", "Mars/Olympus", "", " UTC"})
    void rejectsUnknownOrMisspelledNames(String configured) {
        assertThat(TimeZones.toWindows(configured)).isEmpty();
    }

    @Test
    void suggestsTheCorrectCaseOfAWindowsIdOrIanaName() {
        assertThat(TimeZones.suggestionsFor("w. europe standard time")).containsExactly("W. Europe Standard Time");
        assertThat(TimeZones.suggestionsFor("europe/berlin")).containsExactly("Europe/Berlin");
        assertThat(TimeZones.suggestionsFor("Mars/Olympus")).isEmpty();
    }

    @Test
    void everyTranslationLandsOnAWindowsIdAzureAccepts() {
        assertThat(TimeZones.windowsIds()).containsAll(TimeZones.ianaNames().values());
    }

    @Test
    void everyIanaNameIsARealZone() {
        // The JDK's tz database knows every current and backward-compatible IANA name.
        TimeZones.ianaNames().keySet().forEach(name -> assertThat(ZoneId.of(name)).isNotNull());
    }

    @Test
    void coversTheMainZonesOfEachRegion() {
        assertThat(TimeZones.ianaNames()).containsKeys("Europe/Berlin", "Europe/London", "Europe/Madrid",
                "America/New_York", "America/Toronto", "America/Bogota", "Asia/Dubai", "Asia/Hong_Kong",
                "Australia/Melbourne", "Etc/UTC");
        assertThat(TimeZones.windowsIds()).hasSizeGreaterThan(100);
    }
}
