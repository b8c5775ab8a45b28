package io.github.dsvmpool.pool;

import com.pulumi.azurenative.storage.FileServiceProperties;
import com.pulumi.azurenative.storage.FileServicePropertiesArgs;
import com.pulumi.azurenative.storage.FileShare;
import com.pulumi.azurenative.storage.FileShareArgs;
import com.pulumi.azurenative.storage.StorageAccount;
import com.pulumi.azurenative.storage.StorageAccountArgs;
import com.pulumi.azurenative.storage.StorageFunctions;
import com.pulumi.azurenative.storage.enums.Bypass;
import com.pulumi.azurenative.storage.enums.DefaultAction;
import com.pulumi.azurenative.storage.enums.EnabledProtocols;
import com.pulumi.azurenative.storage.enums.Kind;
import com.pulumi.azurenative.storage.enums.LargeFileSharesState;
import com.pulumi.azurenative.storage.enums.MinimumTlsVersion;
import com.pulumi.azurenative.storage.inputs.DeleteRetentionPolicyArgs;
import com.pulumi.azurenative.storage.inputs.ListStorageAccountKeysArgs;
import com.pulumi.azurenative.storage.inputs.NetworkRuleSetArgs;
import com.pulumi.azurenative.storage.inputs.SkuArgs;
import com.pulumi.azurenative.storage.inputs.VirtualNetworkRuleArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.config.StorageSettings;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;

/**
 * The storage account and the team's file share. In production both are protected from deletion and the share
 * outlives a {@code pulumi destroy}: notebooks and data are the one thing here that cannot be recreated.
 */
final class SharedStorage {
    final StorageAccount account;
    final FileServiceProperties fileService;
    final FileShare share;

    SharedStorage(PartContext context, StorageSettings storage, Output<String> accountName, boolean production,
                  Output<String> subnetId) {
        boolean nfs = storage.protocol() == ShareProtocol.NFS;
        var accountArgs = StorageAccountArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .location(context.location())
                .accountName(accountName)
                .kind(storage.isPremium() ? Kind.FileStorage : Kind.StorageV2)
                .sku(SkuArgs.builder().name(storage.sku()).build())
                // NFS 4.1 shares refuse accounts that require secure transfer; SMB keeps HTTPS-only.
                .enableHttpsTrafficOnly(!nfs)
                .minimumTlsVersion(MinimumTlsVersion.TLS1_2)
                .allowBlobPublicAccess(false)
                // The SMB mount authenticates with the account key; without shared keys it cannot mount.
                .allowSharedKeyAccess(true)
                .networkRuleSet(networkRules(storage, subnetId))
                .tags(context.tags());
        if (!storage.isPremium()) {
            // Standard shares beyond 5 TiB need large file shares; premium accounts have them built in.
            accountArgs.largeFileSharesState(LargeFileSharesState.Enabled);
        }
        // Retained with the share: deleting the account would delete the share it holds
        // (pulumi-azure-native issue 2522).
        this.account = new StorageAccount(context.childName("storage"), accountArgs.build(),
                context.options().protect(production).retainOnDelete(production).build());

        this.fileService = new FileServiceProperties(context.childName("files"), FileServicePropertiesArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .accountName(account.name())
                .fileServicesName("default")
                .shareDeleteRetentionPolicy(DeleteRetentionPolicyArgs.builder()
                        .enabled(true).days(storage.softDeleteDays()).build())
                .build(), context.options().build());

        this.share = new FileShare(context.childName("share"), FileShareArgs.builder()
                .resourceGroupName(context.resourceGroupName())
                .accountName(account.name())
                .shareName(storage.shareName())
                .shareQuota(storage.shareQuotaGiB())
                .enabledProtocols(nfs ? EnabledProtocols.NFS : EnabledProtocols.SMB)
                .build(), context.options().protect(production).retainOnDelete(production)
                .dependsOn(fileService).build());
    }

    /** The first account key, as a secret: it only ever travels in the extension's protected settings. */
    Output<String> primaryKey(Output<String> resourceGroupName) {
        return StorageFunctions.listStorageAccountKeys(ListStorageAccountKeysArgs.builder()
                        .resourceGroupName(resourceGroupName)
                        .accountName(account.name())
                        .build())
                .applyValue(result -> result.keys().get(0).value())
                .asSecret();
    }

    private static NetworkRuleSetArgs networkRules(StorageSettings storage, Output<String> subnetId) {
        if (!storage.restrictToSubnet()) {
            return NetworkRuleSetArgs.builder().defaultAction(DefaultAction.Allow).build();
        }
        // Deny by default; the pool's subnet reaches the share through its service endpoint. The control plane
        // (Pulumi creating the share) is unaffected by these data-plane rules.
        return NetworkRuleSetArgs.builder()
                .defaultAction(DefaultAction.Deny)
                .bypass(Bypass.AzureServices)
                .virtualNetworkRules(List.of(VirtualNetworkRuleArgs.builder()
                        .virtualNetworkResourceId(subnetId).build()))
                .build();
    }
}
