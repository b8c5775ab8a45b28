package io.github.dsvmpool.config;

import io.github.dsvmpool.plans.autoscale.AutoscaleLimits;
import io.github.dsvmpool.plans.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Reads a stack's configuration into {@link StackSettings}: every key is parsed, every value validated, and all
 * problems are thrown together before anything is declared. The keys are the {@link PoolSettings.Builder}
 * method names, plus the secrets and the pool's name.
 */
public final class StackConfiguration {
    public static final String POOL_NAME = "poolName";
    public static final String ADMIN_PASSWORD = "adminPassword";
    public static final String SSH_PUBLIC_KEYS = "sshPublicKeys";
    public static final String RESOURCE_GROUP_NAME = "resourceGroupName";
    public static final String DEFAULT_POOL_NAME = "dsvm";

    private record Setting<T>(String key, ConfigValues.Parser<T> parser, BiConsumer<PoolSettings.Builder, T> apply) {
        void read(ConfigSource source, PoolSettings.Builder builder, Problems problems) {
            source.get(key).flatMap(text -> parser.parse(key, text, problems)).ifPresent(value -> apply.accept(builder, value));
        }
    }

    private static final List<Setting<?>> POOL_SETTINGS = List.of(
            new Setting<>("location", ConfigValues::text, PoolSettings.Builder::location),
            new Setting<>("production", ConfigValues::bool, PoolSettings.Builder::production),
            new Setting<>("addressSpace", ConfigValues::text, PoolSettings.Builder::addressSpace),
            new Setting<>("subnetPrefix", ConfigValues::text, PoolSettings.Builder::subnetPrefix),
            new Setting<>("allowedSourceRanges", ConfigValues::stringList, PoolSettings.Builder::allowedSourceRanges),
            new Setting<>("allowOpenInternet", ConfigValues::bool, PoolSettings.Builder::allowOpenInternet),
            new Setting<>("dnsLabel", ConfigValues::text, PoolSettings.Builder::dnsLabel),
            new Setting<>("sshNatFirstPort", ConfigValues::integer, PoolSettings.Builder::sshNatFirstPort),
            new Setting<>("jupyterNatFirstPort", ConfigValues::integer, PoolSettings.Builder::jupyterNatFirstPort),
            new Setting<>("poolEntry", ConfigValues::bool, PoolSettings.Builder::poolEntry),
            new Setting<>("idleTimeoutMinutes", ConfigValues::integer, PoolSettings.Builder::idleTimeoutMinutes),
            new Setting<>("outboundType", ConfigValues.enumeration(OutboundType.class), PoolSettings.Builder::outboundType),
            new Setting<>("outboundPortsPerVm", ConfigValues::integer, PoolSettings.Builder::outboundPortsPerVm),
            new Setting<>("storageAccountName", ConfigValues::text, PoolSettings.Builder::storageAccountName),
            new Setting<>("storageSku", ConfigValues::text, PoolSettings.Builder::storageSku),
            new Setting<>("shareName", ConfigValues::text, PoolSettings.Builder::shareName),
            new Setting<>("shareQuotaGiB", ConfigValues::integer, PoolSettings.Builder::shareQuotaGiB),
            new Setting<>("shareProtocol", ConfigValues.enumeration(ShareProtocol.class), PoolSettings.Builder::shareProtocol),
            new Setting<>("shareSoftDeleteDays", ConfigValues::integer, PoolSettings.Builder::shareSoftDeleteDays),
            new Setting<>("mountPoint", ConfigValues::text, PoolSettings.Builder::mountPoint),
            new Setting<>("storageEndpointSuffix", ConfigValues::text, PoolSettings.Builder::storageEndpointSuffix),
            new Setting<>("restrictStorageToSubnet", ConfigValues::bool, PoolSettings.Builder::restrictStorageToSubnet),
            new Setting<>("storageKeySource", ConfigValues.enumeration(StorageKeySource.class),
                    PoolSettings.Builder::storageKeySource),
            new Setting<>("keyVaultName", ConfigValues::text, PoolSettings.Builder::keyVaultName),
            new Setting<>("vmSize", ConfigValues::text, PoolSettings.Builder::vmSize),
            new Setting<>("vmSizeUnlisted", ConfigValues::bool, PoolSettings.Builder::vmSizeUnlisted),
            new Setting<>("computerNamePrefix", ConfigValues::text, PoolSettings.Builder::computerNamePrefix),
            new Setting<>("adminUsername", ConfigValues::text, PoolSettings.Builder::adminUsername),
            new Setting<>("imagePublisher", ConfigValues::text, PoolSettings.Builder::imagePublisher),
            new Setting<>("imageOffer", ConfigValues::text, PoolSettings.Builder::imageOffer),
            new Setting<>("imageSku", ConfigValues::text, PoolSettings.Builder::imageSku),
            new Setting<>("imageVersion", ConfigValues::text, PoolSettings.Builder::imageVersion),
            new Setting<>("imageId", ConfigValues::text, PoolSettings.Builder::imageId),
            new Setting<>("osDiskType", ConfigValues::text, PoolSettings.Builder::osDiskType),
            new Setting<>("upgradeMode", ConfigValues::text, PoolSettings.Builder::upgradeMode),
            new Setting<>("provisioningRevision", ConfigValues::text, PoolSettings.Builder::provisioningRevision),
            new Setting<>("notebookIdleTimeoutMinutes", ConfigValues::integer,
                    PoolSettings.Builder::notebookIdleTimeoutMinutes),
            new Setting<>("minInstanceCount", ConfigValues::integer, PoolSettings.Builder::minInstanceCount),
            new Setting<>("initialInstanceCount", ConfigValues::integer, PoolSettings.Builder::initialInstanceCount),
            new Setting<>("maxInstanceCount", ConfigValues::integer, PoolSettings.Builder::maxInstanceCount),
            new Setting<>("healthExtension", ConfigValues::bool, PoolSettings.Builder::healthExtension),
            new Setting<>("automaticRepairs", ConfigValues::bool, PoolSettings.Builder::automaticRepairs),
            new Setting<>("repairGracePeriodMinutes", ConfigValues::integer,
                    PoolSettings.Builder::repairGracePeriodMinutes),
            new Setting<>("repairAction", ConfigValues::text, PoolSettings.Builder::repairAction),
            new Setting<>("entraLogin", ConfigValues::bool, PoolSettings.Builder::entraLogin),
            new Setting<>("entraAdminGroupObjectIds", ConfigValues::stringList,
                    PoolSettings.Builder::entraAdminGroupObjectIds),
            new Setting<>("entraUserGroupObjectIds", ConfigValues::stringList,
                    PoolSettings.Builder::entraUserGroupObjectIds),
            new Setting<>("sessionProtection", ConfigValues::bool, PoolSettings.Builder::sessionProtection),
            new Setting<>(SessionSettings.KEY, (key, text, problems) ->
                    java.util.Optional.of(SessionSettingsParser.parse(text, problems)), PoolSettings.Builder::sessions),
            new Setting<>("monitoring", ConfigValues::bool, PoolSettings.Builder::monitoring),
            new Setting<>("logAnalyticsWorkspaceId", ConfigValues::text, PoolSettings.Builder::logAnalyticsWorkspaceId),
            new Setting<>("logRetentionDays", ConfigValues::integer, PoolSettings.Builder::logRetentionDays),
            new Setting<>("tags", ConfigValues::stringMap, PoolSettings.Builder::tags));

    private static final List<String> IMAGE_PLAN_KEYS = List.of("imagePlanName", "imagePlanProduct", "imagePlanPublisher");

    private StackConfiguration() {
    }

    /** Every configuration key this program reads, in the order of docs/configuration.md. */
    public static List<String> keys() {
        var keys = new ArrayList<String>();
        keys.add(POOL_NAME);
        POOL_SETTINGS.forEach(setting -> keys.add(setting.key()));
        keys.addAll(IMAGE_PLAN_KEYS);
        keys.add(AutoscaleSettingsParser.ROOT);
        keys.addAll(List.of(ADMIN_PASSWORD, SSH_PUBLIC_KEYS, RESOURCE_GROUP_NAME));
        return keys;
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
        POOL_SETTINGS.forEach(setting -> setting.read(source, builder, problems));
        readImagePlan(source, builder);
        readAutoscale(source, builder, problems);
        PoolSettings pool = builder.build();
        problems.addAll(pool.problems());

        // Unset: the pool generates one (RandomPassword). A set value is still held to Azure's rules, and never
        // echoed: the problem shows a placeholder instead of the value.
        Optional<String> password = source.get(ADMIN_PASSWORD);
        PoolArgumentRules.checkAdminPassword(ADMIN_PASSWORD, password, problems);
        List<String> sshKeys = source.get(SSH_PUBLIC_KEYS)
                .flatMap(text -> ConfigValues.stringList(SSH_PUBLIC_KEYS, text, problems)).orElse(List.of());
        PoolArgumentRules.checkSshPublicKeys(SSH_PUBLIC_KEYS, sshKeys, problems);
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
        source.get(AutoscaleSettingsParser.ROOT).ifPresent(json -> {
            int maximum = builder.build().scaleSet().instanceCounts().maximum();
            int defaultMaximum = maximum >= 1 && maximum <= AutoscaleLimits.LARGEST_POOL ? maximum
                    : AutoscaleLimits.LARGEST_POOL;
            builder.autoscale(AutoscaleSettingsParser.parseWithoutValidation(json, defaultMaximum, problems));
            source.get("minInstanceCount").ifPresent(minimum -> problems.add("minInstanceCount", minimum,
                    "not set together with autoscale: the schedule's workingHours[].minimum, offHours.minimum and"
                            + " fixedDates[].minimum are the floors"));
        });
    }

    private static void readImagePlan(ConfigSource source, PoolSettings.Builder builder) {
        Map<String, String> plan = new LinkedHashMap<>();
        IMAGE_PLAN_KEYS.forEach(key -> source.get(key).ifPresent(value -> plan.put(key, value.trim())));
        if (!plan.isEmpty()) {
            // A partial plan is passed on so that validation names the missing parts.
            builder.imagePlan(new PurchasePlan(plan.get("imagePlanName"), plan.get("imagePlanProduct"),
                    plan.get("imagePlanPublisher")));
        }
    }
}
