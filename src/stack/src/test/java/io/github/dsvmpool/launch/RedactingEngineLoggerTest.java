package io.github.dsvmpool.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SDK's dumping debug lines lose their dump; everything else reaches the engine unchanged. */
class RedactingEngineLoggerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Registering resource monitor start: t=random:index/randomPassword:RandomPassword, name=pw, custom=true,"
                    + " remote=false, request=type: \"x\" object { value: \"S3cret!\" }"
                    + "| Registering resource monitor start: t=random:index/randomPassword:RandomPassword, name=pw,"
                    + " custom=true, remote=false, request=",
            "Registering resource monitor end: t=azure-native:compute:VirtualMachineScaleSet, name=vmss, custom=true,"
                    + " remote=false, result=urn: \"u\" object { adminPassword: \"S3cret!\" }"
                    + "| Registering resource monitor end: t=azure-native:compute:VirtualMachineScaleSet, name=vmss,"
                    + " custom=true, remote=false, result=",
            "Read response for resource: t=t, name=n, urn=u, id=i, remote=false, data={result=S3cret!}"
                    + "| Read response for resource: t=t, name=n, urn=u, id=i, remote=false, data="})
    void aDumpIsCutAfterWhatTheLineSays(String message, String kept) {
        assertThat(RedactingEngineLogger.redact(message)).isEqualTo(kept + RedactingEngineLogger.OMITTED)
                .doesNotContain("S3cret!");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Preparing resource: t=azure-native:network:Subnet, name=subnet, custom=true, remote=false",
            "dsvmpool: warning: dsvmpool:vmSize is not a setting of this program; did you mean dsvm-pool:vmSize?",
            "3 invalid settings in DsvmPool 'analytics'; nothing was deployed:",
            // A user's own line that happens to mention the word is not a dump.
            "the request= was refused by Azure"})
    void otherLinesPassUnchanged(String message) {
        assertThat(RedactingEngineLogger.redact(message)).isEqualTo(message);
    }

    @Test
    void theLevelResourceAndCountsAreTheDelegatesAndTheRedactedTextIsWhatItGets() {
        var recorded = new CallbackRunnerTest.RecordingEngineLogger();
        var logger = new RedactingEngineLogger(recorded);
        logger.errorAsync("Registering resource monitor end: t=t, name=n, custom=true, remote=false, result=secret");
        logger.debugAsync("Preparing resource: t=t");
        assertThat(recorded.errors).containsExactly(
                "Registering resource monitor end: t=t, name=n, custom=true, remote=false, result="
                        + RedactingEngineLogger.OMITTED);
        assertThat(logger.hasLoggedErrors()).isTrue();
        assertThat(logger.getErrorCount()).isEqualTo(1);
        assertThat(RedactingEngineLogger.redact(null)).isNull();
    }
}
