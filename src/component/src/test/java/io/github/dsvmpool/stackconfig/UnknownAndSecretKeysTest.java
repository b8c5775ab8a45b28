package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.problems.InvalidConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.Gson;
import com.pulumi.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Unknown keys are named with a suggestion and never with their value; secret keys' values appear in no message.
 * The engine-style cases build {@link PulumiConfigSource} from the two variables the engine sets: the decrypted
 * configuration ({@code PULUMI_CONFIG}) and the secret keys ({@code PULUMI_CONFIG_SECRET_KEYS}).
 */
class UnknownAndSecretKeysTest {
    static final String LEAKY = "Leaky-Password-99";

    /** Engine-style configuration: every full key to its decrypted value, and the full keys that are secret. */
    static PulumiConfigSource engine(Map<String, String> fullKeys, Set<String> secretFullKeys) {
        var config = mock(Config.class);
        fullKeys.forEach((key, value) -> {
            if (key.startsWith("dsvm-pool:")) {
                when(config.get(key.substring("dsvm-pool:".length()))).thenReturn(Optional.of(value));
            }
        });
        return new PulumiConfigSource(config, "dsvm-pool", Optional.of(new Gson().toJson(fullKeys)),
                Optional.of(new Gson().toJson(secretFullKeys)));
    }

    static Map<String, String> minimalEngineConfig() {
        var config = new LinkedHashMap<String, String>();
        config.put("dsvm-pool:location", "westeurope");
        config.put("dsvm-pool:allowedSourceRanges", "[\"203.0.113.0/24\"]");
        config.put("dsvm-pool:adminPassword", MapConfigSource.GOOD_PASSWORD);
        config.put("azure-native:location", "westeurope");
        return config;
    }

    @Test
    void aMisspeltSecretKeyUnderTheEngineIsNamedWithASuggestionAndNeverShowsItsValue() {
        var config = minimalEngineConfig();
        config.put("dsvm-pool:adminPasword", LEAKY);
        var source = engine(config, Set.of("dsvm-pool:adminPassword", "dsvm-pool:adminPasword"));

        var error = catchThrowableOfType(InvalidConfigurationException.class, () -> StackConfiguration.read(source));

        assertThat(error.getMessage()).isEqualTo("1 invalid setting in the stack configuration; nothing was deployed:\n"
                + "  - adminPasword: not a setting of this project; did you mean adminPassword?"
                + " (settings: docs/configuration.md)");
        assertThat(error.problems()).allSatisfy(problem -> assertThat(problem.toString()).doesNotContain(LEAKY));
        assertThat(StackConfiguration.warnings(source, "dsvm-pool")).isEmpty();
    }

    @Test
    void anUnknownKeyThatIsNotSecretShowsNoValueEither() {
        var source = MapConfigSource.minimal().with("colour", "blue-and-secretish");
        var error = catchThrowableOfType(InvalidConfigurationException.class, () -> StackConfiguration.read(source));
        assertThat(error.getMessage()).contains("  - colour: not a setting of this project"
                + " (settings: docs/configuration.md)").doesNotContain("blue-and-secretish");
    }

    @Test
    void aKnownSecretKeyWithABadValueShowsSecretInsteadOfTheValue() {
        var config = minimalEngineConfig();
        config.put("dsvm-pool:vmSize", "Standard_D2s_v3");
        config.put("dsvm-pool:dnsLabel", "Not_A_Label_9");
        config.put("dsvm-pool:tags", "{\"owner\": {\"nested\": \"Not_A_Label_9\"}}");
        var source = engine(config, Set.of("dsvm-pool:adminPassword", "dsvm-pool:dnsLabel"));

        var error = catchThrowableOfType(InvalidConfigurationException.class, () -> StackConfiguration.read(source));

        assertThat(error.getMessage()).contains("dnsLabel = [secret]: 3-63 characters")
                // the same text in another setting's value is cut out too
                .contains("tags.owner = '{\"nested\":\"[secret]\"}'")
                .doesNotContain("Not_A_Label_9");
    }

    @Test
    void aSecretPartOfTheScheduleIsMaskedInItsNestedProblems() {
        var config = minimalEngineConfig();
        config.put("dsvm-pool:autoscale", "{\"timeZone\": \"Mars/Olympus\"}");
        var source = engine(config, Set.of("dsvm-pool:adminPassword", "dsvm-pool:autoscale"));
        var error = catchThrowableOfType(InvalidConfigurationException.class, () -> StackConfiguration.read(source));
        assertThat(error.getMessage()).contains("autoscale.timeZone = [secret]").doesNotContain("Mars/Olympus");
    }

    @Test
    void keysInANearMissNamespaceOrWithoutOneAreWarnedAboutByNameOnly() {
        var config = minimalEngineConfig();
        config.put("dsvmpool:vmSize", "Standard_NC6");
        config.put("dsvm_pool:maxInstanceCount", "8");
        config.put("dsvm.pool:maxinstancecont", "8");
        config.put("DSVM-Pool:adminPassword", LEAKY);
        config.put("dsvm-pol:colour", "blue");
        config.put("vmSize", "Standard_NC6");
        config.put("azure:location", "westeurope");
        var source = engine(config, Set.of("dsvm-pool:adminPassword", "DSVM-Pool:adminPassword"));

        List<String> warnings = StackConfiguration.warnings(source, "dsvm-pool");

        assertThat(warnings).containsExactly(
                "configuration key 'DSVM-Pool:adminPassword' is ignored: its namespace 'DSVM-Pool' is not this"
                        + " project's; did you mean dsvm-pool:adminPassword?",
                "configuration key 'dsvm-pol:colour' is ignored: its namespace 'dsvm-pol' is not this project's;"
                        + " did you mean dsvm-pool:<setting>?",
                "configuration key 'dsvm.pool:maxinstancecont' is ignored: its namespace 'dsvm.pool' is not this"
                        + " project's; did you mean dsvm-pool:maxInstanceCount?",
                "configuration key 'dsvm_pool:maxInstanceCount' is ignored: its namespace 'dsvm_pool' is not this"
                        + " project's; did you mean dsvm-pool:maxInstanceCount?",
                "configuration key 'dsvmpool:vmSize' is ignored: its namespace 'dsvmpool' is not this project's;"
                        + " did you mean dsvm-pool:vmSize?",
                "configuration key 'vmSize' has no namespace and is ignored: this program reads dsvm-pool:vmSize");
        assertThat(String.join("\n", warnings)).doesNotContain(LEAKY).doesNotContain("Standard_NC6");
        // The settings themselves still read: the warnings do not stop the program.
        assertThat(StackConfiguration.read(source).pool().scaleSet().vmSize()).isEqualTo("Standard_D2s_v3");
    }

    @Test
    void anUnreadableSecretKeyListCountsEveryKeyOfTheProjectAsSecret() {
        var config = mock(Config.class);
        var source = new PulumiConfigSource(config, "dsvm-pool",
                Optional.of("{\"dsvm-pool:a\":\"1\",\"other:b\":\"2\"}"), Optional.of("not json ["));
        assertThat(source.secretKeys()).containsExactly("a");
        assertThat(source.otherKeys()).contains(Set.of("other:b"));
    }
}
