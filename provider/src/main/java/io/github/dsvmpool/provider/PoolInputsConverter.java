package io.github.dsvmpool.provider;

import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.Problems;
import io.github.dsvmpool.config.PurchasePlan;
import io.github.dsvmpool.config.StorageKeySource;
import io.github.dsvmpool.plans.autoscale.AutoscaleLimits;
import io.github.dsvmpool.plans.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.pool.DsvmPoolArgs;
import io.github.dsvmpool.pool.ExistingNetwork;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the component package's inputs into the library's {@link DsvmPoolArgs}: only the inputs that are set
 * reach the settings builder (so every default is the library's); enum-like strings and the schedule are read as
 * the stack reader reads them, with the same messages. Problems found here are thrown with the component's own.
 */
final class PoolInputsConverter {
    private PoolInputsConverter() {
    }

    static DsvmPoolArgs convert(PoolInputs in, Problems problems) {
        var b = PoolSettings.builder();
        set(in.location, b::location);
        set(in.production, b::production);
        set(in.addressSpace, b::addressSpace);
        set(in.subnetPrefix, b::subnetPrefix);
        set(in.allowedSourceRanges, b::allowedSourceRanges);
        set(in.allowOpenInternet, b::allowOpenInternet);
        set(in.dnsLabel, b::dnsLabel);
        set(in.sshNatFirstPort, b::sshNatFirstPort);
        set(in.jupyterNatFirstPort, b::jupyterNatFirstPort);
        set(in.poolEntry, b::poolEntry);
        set(in.idleTimeoutMinutes, b::idleTimeoutMinutes);
        enumeration("outboundType", in.outboundType, OutboundType.class, problems).ifPresent(b::outboundType);
        set(in.outboundPortsPerVm, b::outboundPortsPerVm);
        set(in.storageAccountName, b::storageAccountName);
        set(in.storageSku, b::storageSku);
        set(in.shareName, b::shareName);
        set(in.shareQuotaGiB, b::shareQuotaGiB);
        enumeration("shareProtocol", in.shareProtocol, ShareProtocol.class, problems).ifPresent(b::shareProtocol);
        set(in.shareSoftDeleteDays, b::shareSoftDeleteDays);
        set(in.mountPoint, b::mountPoint);
        set(in.storageEndpointSuffix, b::storageEndpointSuffix);
        set(in.restrictStorageToSubnet, b::restrictStorageToSubnet);
        set(in.vmSize, b::vmSize);
        set(in.vmSizeUnlisted, b::vmSizeUnlisted);
        set(in.computerNamePrefix, b::computerNamePrefix);
        set(in.adminUsername, b::adminUsername);
        set(in.imagePublisher, b::imagePublisher);
        set(in.imageOffer, b::imageOffer);
        set(in.imageSku, b::imageSku);
        set(in.imageVersion, b::imageVersion);
        set(in.imageId, b::imageId);
        if (in.imagePlanName != null || in.imagePlanProduct != null || in.imagePlanPublisher != null) {
            b.imagePlan(new PurchasePlan(in.imagePlanName, in.imagePlanProduct, in.imagePlanPublisher));
        }
        set(in.osDiskType, b::osDiskType);
        set(in.upgradeMode, b::upgradeMode);
        set(in.provisioningRevision, b::provisioningRevision);
        set(in.minInstanceCount, b::minInstanceCount);
        set(in.initialInstanceCount, b::initialInstanceCount);
        set(in.maxInstanceCount, b::maxInstanceCount);
        set(in.notebookIdleTimeoutMinutes, b::notebookIdleTimeoutMinutes);
        set(in.healthExtension, b::healthExtension);
        set(in.automaticRepairs, b::automaticRepairs);
        set(in.repairGracePeriodMinutes, b::repairGracePeriodMinutes);
        set(in.repairAction, b::repairAction);
        set(in.entraLogin, b::entraLogin);
        set(in.entraAdminGroupObjectIds, b::entraAdminGroupObjectIds);
        set(in.entraUserGroupObjectIds, b::entraUserGroupObjectIds);
        enumeration("storageKeySource", in.storageKeySource, StorageKeySource.class, problems)
                .ifPresent(b::storageKeySource);
        set(in.keyVaultName, b::keyVaultName);
        if (in.tags != null) {
            var tags = new java.util.LinkedHashMap<String, String>();
            in.tags.forEach(tag -> tags.put(tag.name, tag.value == null ? "" : tag.value));
            b.tags(tags);
        }
        set(in.sessionProtection, b::sessionProtection);
        set(in.monitoring, b::monitoring);
        set(in.logAnalyticsWorkspaceId, b::logAnalyticsWorkspaceId);
        set(in.logRetentionDays, b::logRetentionDays);
        if (in.sessions != null) {
            b.sessions(io.github.dsvmpool.config.SessionSettingsParser.parse(InputsJson.of(in.sessions).toString(),
                    problems));
        }
        if (in.autoscale != null) {
            int maximum = in.maxInstanceCount == null ? 4 : in.maxInstanceCount;
            int defaultMaximum = maximum >= 1 && maximum <= AutoscaleLimits.LARGEST_POOL ? maximum
                    : AutoscaleLimits.LARGEST_POOL;
            b.autoscale(AutoscaleSettingsParser.parseWithoutValidation(InputsJson.of(in.autoscale).toString(),
                    defaultMaximum, problems));
            if (in.minInstanceCount != null) {
                problems.add("minInstanceCount", in.minInstanceCount, "not set together with autoscale: the"
                        + " schedule's workingHours[].minimum, offHours.minimum and fixedDates[].minimum are the floors");
            }
        }

        var args = DsvmPoolArgs.builder().settings(b.build());
        if (in.adminPassword != null) {
            args.adminPassword(in.adminPassword);
        }
        if (in.sshPublicKeys != null) {
            args.sshPublicKeys(in.sshPublicKeys);
        }
        if (in.resourceGroupName != null) {
            args.resourceGroupName(in.resourceGroupName);
        }
        if (in.existingSubnetId != null) {
            if (in.existingSubnetPrefix == null) {
                problems.add("existingSubnetPrefix", null, "required with existingSubnetId: the subnet's IPv4"
                        + " prefix as Azure reports it");
            } else {
                args.network(ExistingNetwork.subnet(in.existingSubnetId, in.existingSubnetPrefix));
            }
        }
        return args.build();
    }

    private static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** As the stack reader: the constant's name in any case, or its configuration spelling. */
    static <E extends Enum<E>> Optional<E> enumeration(String key, String text, Class<E> type, Problems problems) {
        if (text == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim()) || constant.toString().equals(text.trim())) {
                return Optional.of(constant);
            }
        }
        problems.add(key, text, "one of " + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }
}
