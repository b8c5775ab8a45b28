package io.github.dsvmpool.stackconfig;

import io.github.dsvmpool.plans.PoolSettingsValidator;

import io.github.dsvmpool.config.ConfigValues;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.config.NearestKey;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.config.PurchasePlan;
import io.github.dsvmpool.config.Setting;
import io.github.dsvmpool.config.SettingCatalog;
import io.github.dsvmpool.plans.PoolArgumentRules;

import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a stack's configuration into {@link StackSettings}: every key is parsed, every value validated, and all
 * problems are thrown together before anything is declared. The keys are the {@link PoolSettings.Builder}
 * method names, plus the secrets and the pool's name.
 */
public final class StackConfiguration {
    public static final String POOL_NAME = SettingCatalog.POOL_NAME.key();
    public static final String ADMIN_PASSWORD = SettingCatalog.ADMIN_PASSWORD.key();
    public static final String SSH_PUBLIC_KEYS = SettingCatalog.SSH_PUBLIC_KEYS.key();
    public static final String RESOURCE_GROUP_NAME = SettingCatalog.RESOURCE_GROUP_NAME.key();
    public static final String DEFAULT_POOL_NAME = SettingCatalog.POOL_NAME.defaultOrThrow();

    private StackConfiguration() {
    }

    /** Every configuration key this program reads, in the order of docs/configuration.md ({@link SettingCatalog}). */
    public static List<String> keys() {
        return SettingCatalog.ALL.stream().map(Setting::key).toList();
    }

    /**
     * @throws InvalidConfigurationException naming every bad or unknown setting at once
     */
    public static StackSettings read(ConfigSource source) {
        var problems = new Problems();
        source.keys().ifPresent(present -> {
            var unknown = new TreeSet<>(present);
            unknown.removeAll(keys());
            // No value for an unknown key: a misspelt secret (adminPasword) arrives decrypted.
            unknown.forEach(key -> problems.add(new Problem(key, Problem.VALUE_NOT_SHOWN, unknownKey(key))));
        });

        String poolName = source.get(POOL_NAME).map(String::trim).orElse(DEFAULT_POOL_NAME);
        PoolArgumentRules.checkPoolName(POOL_NAME, poolName, problems);
        var builder = PoolSettings.builder();
        for (Setting<?> setting : SettingCatalog.ALL) {
            if (setting.readGenerically()) {
                source.get(setting.key()).ifPresent(text -> setting.read(text, builder, problems));
            }
        }
        readImagePlan(source, builder);
        readAutoscale(source, builder, problems);
        PoolSettings pool = builder.build();
        problems.addAll(PoolSettingsValidator.problems(pool));

        // Unset: the pool generates one (RandomPassword). A set value is still held to Azure's rules, and never
        // echoed: the problem shows a placeholder instead of the value.
        Optional<String> password = source.get(ADMIN_PASSWORD);
        List<String> sshKeys = source.get(SSH_PUBLIC_KEYS)
                .flatMap(text -> ConfigValues.stringList(SSH_PUBLIC_KEYS, text, problems)).orElse(List.of());
        PoolArgumentRules.checkCredentials(pool, Optional.of(password), Optional.of(sshKeys), problems);
        Optional<String> resourceGroup = source.get(RESOURCE_GROUP_NAME).map(String::trim);
        resourceGroup.ifPresent(name -> PoolArgumentRules.checkResourceGroupName(RESOURCE_GROUP_NAME, name, problems));

        withoutSecrets(problems.list(), source).throwIfAny("the stack configuration");
        return new StackSettings(poolName, pool, password.map(SecretText::new), sshKeys, resourceGroup);
    }

    /**
     * Problems that name no secret value: a problem of a secret key (or of a part of one, such as
     * {@code autoscale.workingHours[0]} when {@code autoscale} is secret) shows {@link Problem#SECRET_VALUE}, and
     * a secret's text is cut out of every other problem too (one setting's rule may quote another's value).
     */
    static Problems withoutSecrets(List<Problem> problems, ConfigSource source) {
        var secretKeys = source.secretKeys();
        var secretValues = secretKeys.stream().map(source::get).flatMap(Optional::stream).map(String::trim)
                .filter(value -> !value.isEmpty()).toList();
        var safe = new Problems();
        for (Problem problem : problems) {
            Problem masked = secretKeys.contains(rootKey(problem.setting())) ? problem.withSecretValue() : problem;
            for (String secret : secretValues) {
                masked = masked.without(secret);
            }
            safe.add(masked);
        }
        return safe;
    }

    /** {@code autoscale.workingHours[1].startHour} and {@code tags.team} belong to the keys before the first part. */
    private static String rootKey(String setting) {
        return setting.split("[.\\[]", 2)[0];
    }

    private static String unknownKey(String key) {
        return "not a setting of this project" + NearestKey.among(key, keys()).map(near -> "; did you mean " + near + "?")
                .orElse("") + " (settings: docs/configuration.md)";
    }

    /**
     * Keys this program ignores although they look meant for it: a namespace close to the project's
     * ({@code dsvmpool:vmSize}, {@code dsvm_pool:vmSize}) or no namespace at all ({@code vmSize}). Warnings, not
     * errors, because other namespaces ({@code azure-native:location}) are legitimate; they name keys only,
     * never values.
     */
    public static List<String> warnings(ConfigSource source, String namespace) {
        var warnings = new ArrayList<String>();
        for (String fullKey : new TreeSet<>(source.otherKeys().orElse(java.util.Set.of()))) {
            int colon = fullKey.indexOf(':');
            String key = colon < 0 ? fullKey : fullKey.substring(colon + 1);
            String suggestion = namespace + ":" + (keys().contains(key) ? key : NearestKey.among(key, keys()).orElse("<setting>"));
            if (colon < 0) {
                warnings.add("configuration key '" + fullKey + "' has no namespace and is ignored: this program reads "
                        + suggestion);
            } else if (isNearMiss(fullKey.substring(0, colon), namespace)) {
                warnings.add("configuration key '" + fullKey + "' is ignored: its namespace '"
                        + fullKey.substring(0, colon) + "' is not this project's; did you mean " + suggestion + "?");
            }
        }
        return warnings;
    }

    /** dsvmpool, dsvm_pool, DSVM-Pool, dsvm-pol: the project's name written another way or with a typo. */
    static boolean isNearMiss(String otherNamespace, String namespace) {
        String squashed = otherNamespace.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        String projectSquashed = namespace.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        return !otherNamespace.equals(namespace)
                && (squashed.equals(projectSquashed) || NearestKey.distance(otherNamespace, namespace) <= 2);
    }

    /** The schedule is parsed here and validated with the rest of the pool's settings. */
    private static void readAutoscale(ConfigSource source, PoolSettings.Builder builder, Problems problems) {
        source.get(SettingCatalog.AUTOSCALE.key()).ifPresent(json -> {
            int maximum = builder.build().scaleSet().instanceCounts().maximum();
            int defaultMaximum = maximum >= 1 && maximum <= AutoscaleLimits.LARGEST_POOL ? maximum
                    : AutoscaleLimits.LARGEST_POOL;
            builder.autoscale(AutoscaleSettingsParser.parseWithoutValidation(json, defaultMaximum, problems));
            source.get(SettingCatalog.MIN_INSTANCE_COUNT.key()).ifPresent(minimum -> problems.add(SettingCatalog.MIN_INSTANCE_COUNT.key(), minimum,
                    "not set together with autoscale: the schedule's workingHours[].minimum, offHours.minimum and"
                            + " fixedDates[].minimum are the floors"));
        });
    }

    private static void readImagePlan(ConfigSource source, PoolSettings.Builder builder) {
        Map<String, String> plan = new LinkedHashMap<>();
        for (Setting<?> part : List.of(SettingCatalog.IMAGE_PLAN_NAME, SettingCatalog.IMAGE_PLAN_PRODUCT,
                SettingCatalog.IMAGE_PLAN_PUBLISHER)) {
            source.get(part.key()).ifPresent(value -> plan.put(part.key(), value.trim()));
        }
        if (!plan.isEmpty()) {
            // A partial plan is passed on so that validation names the missing parts.
            builder.imagePlan(new PurchasePlan(plan.get(SettingCatalog.IMAGE_PLAN_NAME.key()),
                    plan.get(SettingCatalog.IMAGE_PLAN_PRODUCT.key()), plan.get(SettingCatalog.IMAGE_PLAN_PUBLISHER.key())));
        }
    }
}
