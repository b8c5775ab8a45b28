package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.config.ConfigurationReference;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.config.Setting;
import io.github.dsvmpool.config.SettingCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog is the one definition: the builder's defaults, the stack reader and the validator's ranges follow it. */
class SettingCatalogTest {
    /** Builder methods that set several keys at once or a typed value the stack file spells as several keys. */
    private static final Set<String> COMPOSITE_BUILDER_METHODS = Set.of("image", "imagePlan", "autoscale", "build");

    @Test
    void keysAreUniqueAndTheStackReaderKnowsExactlyThem() {
        List<String> keys = SettingCatalog.ALL.stream().map(Setting::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(StackConfiguration.keys()).containsExactlyElementsOf(keys);
        assertThat(SettingCatalog.ALL).allSatisfy(setting -> assertThat(setting.rule()).as(setting.key()).isNotBlank())
                .allSatisfy(setting -> assertThat(setting.defaultText()).as(setting.key()).isNotBlank());
    }

    @Test
    void everyBuilderSetterIsACatalogKeyAndEveryGenericallyReadKeyHasOne() {
        Set<String> setters = Arrays.stream(PoolSettings.Builder.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> method.getParameterCount() == 1)
                .map(Method::getName).filter(name -> !COMPOSITE_BUILDER_METHODS.contains(name))
                .collect(Collectors.toSet());
        Set<String> generic = SettingCatalog.ALL.stream().filter(Setting::readGenerically).map(Setting::key)
                .collect(Collectors.toSet());
        assertThat(setters).containsExactlyInAnyOrderElementsOf(generic);
    }

    /** Setting the declared default explicitly gives the same settings as leaving it out: the builder's are the catalog's. */
    @Test
    void theBuilderStartsWithEveryLiteralDefaultOfTheCatalog() {
        for (Setting<?> setting : literalDefaults()) {
            var untouched = PoolSettings.builder().location("westeurope");
            var explicit = PoolSettings.builder().location("westeurope");
            setting.applyDefault(explicit);
            assertThat(explicit.build()).as(setting.key()).isEqualTo(untouched.build());
        }
    }

    /** The other half: each entry really reaches the settings (a value other than the default changes them). */
    @Test
    void theStackReaderAppliesEveryGenericallyReadSetting() {
        PoolSettings defaults = StackConfiguration.read(MapConfigSource.minimal()).pool();
        for (Setting<?> setting : literalDefaults()) {
            String other = otherValueThan(setting.defaultOrThrow());
            var source = MapConfigSource.minimal().with(setting.key(), other);
            var thrown = catchThrowableOfType(() -> StackConfiguration.read(source), InvalidConfigurationException.class);
            if (thrown == null) {
                assertThat(StackConfiguration.read(source).pool()).as(setting.key() + " = " + other).isNotEqualTo(defaults);
            } else {
                // Refused: then the problem names this key, so the value reached the validator through this setting.
                assertThat(thrown.problems()).as(setting.key() + " = " + other)
                        .anySatisfy(problem -> assertThat(problem.setting()).startsWith(setting.key()));
            }
        }
    }

    @Test
    void theValidatorHoldsEachRangeOfTheCatalogAndTheReferenceStatesIt() {
        var ranged = SettingCatalog.ALL.stream().filter(setting -> setting.range().isPresent()).toList();
        assertThat(ranged).extracting(Setting::key).contains("idleTimeoutMinutes", "shareSoftDeleteDays",
                "repairGracePeriodMinutes", "maxInstanceCount");
        for (Setting<?> setting : ranged) {
            Setting.Range range = setting.rangeOrThrow();
            assertThat(setting.rule()).as(setting.key()).contains(range.min() + "-" + range.max());
            for (int inside : List.of(range.min(), range.max())) {
                assertThat(problemsOf(setting.key(), inside)).as(setting.key() + " = " + inside)
                        .noneSatisfy(problem -> assertThat(problem.setting()).isEqualTo(setting.key()));
            }
            for (int outside : List.of(range.min() - 1, range.max() + 1)) {
                assertThat(problemsOf(setting.key(), outside)).as(setting.key() + " = " + outside)
                        .anySatisfy(problem -> assertThat(problem.setting()).isEqualTo(setting.key()));
            }
        }
    }

    @Test
    void theConfigurationReferenceIsGeneratedFromTheCatalog() throws Exception {
        var path = java.nio.file.Path.of("docs", "configuration.md");
        String committed = java.nio.file.Files.readString(path);
        String expected = ConfigurationReference.regenerate(committed);
        if (Boolean.getBoolean("dsvmpool.writeDocs")) {
            java.nio.file.Files.writeString(path, expected);
        }
        assertThat(committed).as("docs/configuration.md is stale: rerun this test with -Ddsvmpool.writeDocs=true")
                .isEqualTo(expected);
        assertThat(committed).contains("| `idleTimeoutMinutes` | `30` | " + SettingCatalog.IDLE_TIMEOUT_MINUTES.rule() + " |");
    }

    /** The README's short table names catalog settings with the catalog's defaults. */
    @Test
    void theReadmesSettingsAreTheCatalogsWithItsDefaults() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        var rows = java.util.regex.Pattern.compile("(?m)^\\| `(\\w+)` \\| ([^|]+) \\|").matcher(
                readme.substring(readme.indexOf("## The settings a team sets first"), readme.indexOf("## Outputs")));
        int count = 0;
        while (rows.find()) {
            count++;
            String key = rows.group(1);
            assertThat(SettingCatalog.byKey(key)).as("README setting " + key).isPresent();
            assertThat(rows.group(2).strip()).as("README default of " + key)
                    .isEqualTo(SettingCatalog.byKey(key).orElseThrow().defaultText());
        }
        assertThat(count).isGreaterThan(5);
    }

    private static List<Problem> problemsOf(String key, int value) {
        // A schedule keeps maxInstanceCount's own check apart from the always-on profile's counts.
        var source = MapConfigSource.minimal().with(key, Integer.toString(value));
        var thrown = catchThrowableOfType(() -> StackConfiguration.read(source), InvalidConfigurationException.class);
        return thrown == null ? List.of() : thrown.problems();
    }

    private static List<Setting<?>> literalDefaults() {
        return SettingCatalog.ALL.stream().filter(Setting::readGenerically)
                .filter(setting -> setting.defaultValue().isPresent()).toList();
    }

    private static String otherValueThan(Object value) {
        if (value instanceof Boolean bool) {
            return Boolean.toString(!bool);
        }
        if (value instanceof Integer number) {
            return Integer.toString(number - 1);
        }
        if (value instanceof Enum<?> constant) {
            Object[] constants = constant.getDeclaringClass().getEnumConstants();
            return constants[(constant.ordinal() + 1) % constants.length].toString();
        }
        return value + "x";
    }
}
