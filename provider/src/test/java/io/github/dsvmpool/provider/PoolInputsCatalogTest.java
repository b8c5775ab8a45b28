package io.github.dsvmpool.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.config.Setting;
import io.github.dsvmpool.config.SettingCatalog;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The component package's inputs follow the setting catalog: names, types, descriptions and conversion. */
class PoolInputsCatalogTest {
    /** Inputs of the component package only: references to another pool's network. */
    private static final Set<String> PROVIDER_ONLY = Set.of("existingSubnetId", "existingSubnetPrefix");
    /** Settings that are not inputs: the pool's name is the component resource's name. */
    private static final Set<String> NOT_INPUTS = Set.of(SettingCatalog.POOL_NAME.key());

    @Test
    void theInputsAreTheCatalogsKeysPlusTheReferences() {
        Set<String> inputs = fields().keySet();
        Set<String> settings = SettingCatalog.ALL.stream().map(Setting::key)
                .filter(key -> !NOT_INPUTS.contains(key)).collect(Collectors.toSet());
        assertThat(inputs).containsAll(settings);
        assertThat(inputs.stream().filter(input -> !settings.contains(input))).containsExactlyInAnyOrderElementsOf(PROVIDER_ONLY);
    }

    @Test
    void eachInputHasTheTypeOfItsSettingsKind() {
        Map<String, Field> fields = fields();
        for (Setting<?> setting : SettingCatalog.ALL) {
            if (NOT_INPUTS.contains(setting.key())) {
                continue;
            }
            Field field = fields.get(setting.key());
            Class<?> type = field.getType() == Output.class
                    ? (Class<?>) rawOf(((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0])
                    : field.getType();
            if (setting.kind() == Setting.Kind.TEXT_MAP) {
                // The SDK's deserialiser takes no maps of strings: tags are name/value pairs.
                assertThat(type).as(setting.key()).isEqualTo(List.class);
            } else {
                assertThat(setting.kind().inputType()).as(setting.key()).isAssignableFrom(type);
            }
        }
    }

    @Test
    void aSettingsDescriptionComesFromTheCatalogOnly() {
        fields().forEach((name, field) -> {
            boolean isSetting = SettingCatalog.byKey(name).isPresent();
            assertThat(field.getAnnotation(Description.class) == null).as(name).isEqualTo(isSetting);
        });
    }

    /** Every generically read setting given as an input changes the settings (or is refused under its own name). */
    @Test
    void everyGenericSettingIsConverted() throws Exception {
        PoolSettings defaults = convert(SessionInputsTest.minimal(), new Problems());
        for (Setting<?> setting : SettingCatalog.ALL) {
            if (!setting.readGenerically() || setting.defaultValue().isEmpty()) {
                continue;
            }
            var in = SessionInputsTest.minimal();
            Field field = fields().get(setting.key());
            field.set(in, otherInput(setting.defaultOrThrow()));
            var problems = new Problems();
            PoolSettings converted = convert(in, problems);
            if (problems.list().isEmpty()) {
                assertThat(converted).as(setting.key()).isNotEqualTo(defaults);
            } else {
                assertThat(problems.list()).as(setting.key())
                        .allSatisfy(problem -> assertThat(problem.setting()).startsWith(setting.key()));
            }
        }
    }

    @Test
    void tagsArriveAsTheStackFilesMap() {
        var in = SessionInputsTest.minimal();
        var tag = new PoolInputs.TagInputs();
        tag.name = "costCenter";
        tag.value = "1234";
        in.tags = List.of(tag);
        assertThat(convert(in, new Problems()).tags()).isEqualTo(Map.of("costCenter", "1234"));
        in.tags = List.of();
        assertThat(convert(in, new Problems()).tags()).isEmpty();
    }

    @Test
    void aBadChoiceIsReportedAsTheStackReaderReportsIt() {
        var in = SessionInputsTest.minimal();
        in.outboundType = "firewall";
        var problems = new Problems();
        convert(in, problems);
        assertThat(problems.list()).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("outboundType");
            assertThat(problem.toString()).contains("firewall").contains("natGateway");
        });
    }

    private static PoolSettings convert(PoolInputs in, Problems problems) {
        return PoolInputsConverter.convert(in, problems).settings();
    }

    private static Object otherInput(Object value) {
        if (value instanceof Boolean bool) {
            return !bool;
        }
        if (value instanceof Integer number) {
            return number - 1;
        }
        if (value instanceof Enum<?> constant) {
            Object[] constants = constant.getDeclaringClass().getEnumConstants();
            return constants[(constant.ordinal() + 1) % constants.length].toString();
        }
        return value + "x";
    }

    private static Class<?> rawOf(java.lang.reflect.Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    private static Map<String, Field> fields() {
        return Arrays.stream(PoolInputs.class.getFields()).filter(field -> field.getAnnotation(Import.class) != null)
                .collect(Collectors.toMap(field -> field.getAnnotation(Import.class).name(), field -> field));
    }
}
