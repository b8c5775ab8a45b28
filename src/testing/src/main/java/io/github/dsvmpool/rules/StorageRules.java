package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Azure Files NFS shares and their account, and this project's storage security policy. */
final class StorageRules {
    static final Set<String> PREMIUM_SKUS = Set.of("premium_lrs", "premium_zrs");

    private StorageRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("nfs-share-premium-filestorage",
                        "An NFS file share (enabledProtocols NFS) lives on a storage account of kind FileStorage"
                                + " with sku Premium_LRS or Premium_ZRS",
                        "Learn \"NFS file shares in Azure Files\" (premium file shares only); Azure/azure-cli issue"
                                + " 32510; terraform-provider-azurerm issue 24269 and PR 24446",
                        "FeatureNotSupportedForAccount (\"NfsFileShares is not supported for the account\");"
                                + " InvalidHeaderValue on some account kinds",
                        Basis.CONFIRMED, StorageRules::nfsOnPremiumFiles),
                new AzureRule("nfs-account-secure-transfer-off",
                        "The storage account of an NFS share sets enableHttpsTrafficOnly: false (secure transfer"
                                + " required refuses plain NFS mounts; the share is protected by network rules)",
                        "Learn \"Require secure transfer to ensure secure connections\" (except NFS shares with"
                                + " network-level security); Learn \"NFS file shares in Azure Files\"; Azure/AKS"
                                + " issue 5230; kubernetes-sigs/azurefile-csi-driver PR 3335",
                        "none at deployment: the VMs' NFS mounts are refused (access denied / time out) unless"
                                + " they mount with encryption in transit (aznfs), which this project does not use",
                        Basis.CONFIRMED, StorageRules::nfsWithoutSecureTransfer),
                new AzureRule("retained-share-keeps-its-parents",
                        "A file share retained on delete (retainOnDelete) has its storage account retained too, and"
                                + " the resource group holding them, when this program declares it",
                        "Learn \"Delete a storage account\" (deleting an account deletes all data in it); Learn"
                                + " \"Delete resource group and resources\"; pulumi/pulumi-azure-native issue 2522"
                                + " (a retained child is deleted with its parent)",
                        "none at deployment: pulumi destroy deletes the share with its account or group",
                        Basis.CONFIRMED, StorageRules::retainedShareParents),
                new AzureRule("policy-storage-secure-defaults",
                        "Project security policy (not Azure's): every storage account is HTTPS-only (except the"
                                + " FileStorage account of an NFS share), sets minimumTlsVersion TLS1_2 (or later)"
                                + " and allowBlobPublicAccess: false",
                        "this project's security policy (docs: secure defaults); Learn \"Enforce a minimum"
                                + " required version of TLS for requests to a storage account\"; Learn \"Prevent"
                                + " anonymous read access to blob data\"",
                        "n/a (project policy; Azure accepts the weaker settings)", Basis.PROJECT_POLICY,
                        StorageRules::secureDefaults));
    }

    private static void retainedShareParents(ResourceGraph graph, Findings findings) {
        for (Registration share : graph.ofType(ResourceGraph.FILE_SHARE)) {
            if (!share.retainOnDelete()) {
                continue;
            }
            accountOf(graph, share).filter(account -> !account.retainOnDelete()).ifPresent(account ->
                    findings.add(account, "(retainOnDelete)", "the share " + share.name() + " is retained on delete"
                                    + " but its storage account is not: deleting the account deletes the share",
                            "set retainOnDelete on the storage account too"));
            Values.string(share.inputs(), "resourceGroupName").ifPresent(group -> graph.ofType(
                    "azure-native:resources:ResourceGroup").stream()
                    .filter(declared -> group.equalsIgnoreCase(Values.string(declared.inputs(), "resourceGroupName")
                            .orElse(declared.name())))
                    .filter(declared -> !declared.retainOnDelete())
                    .forEach(declared -> findings.add(declared, "(retainOnDelete)", "the share " + share.name()
                                    + " is retained on delete but its resource group is not: deleting the group"
                                    + " deletes everything in it",
                            "set retainOnDelete on the resource group too")));
        }
    }

    private static boolean isNfs(Registration share) {
        return Values.equalsIgnoreCase(Values.string(share.inputs(), "enabledProtocols"), "NFS");
    }

    /** The declared storage account a share names by accountName (and resource group, when both give it). */
    static Optional<Registration> accountOf(ResourceGraph graph, Registration share) {
        Optional<String> name = Values.string(share.inputs(), "accountName");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> group = Values.string(share.inputs(), "resourceGroupName");
        return graph.ofType(ResourceGraph.STORAGE_ACCOUNT).stream()
                .filter(account -> Values.string(account.inputs(), "accountName")
                        .map(n -> n.equalsIgnoreCase(name.get())).orElse(false))
                .filter(account -> group.isEmpty() || Values.string(account.inputs(), "resourceGroupName")
                        .map(g -> g.equalsIgnoreCase(group.get())).orElse(true))
                .findFirst();
    }

    private static boolean hostsNfs(ResourceGraph graph, Registration account) {
        return graph.ofType(ResourceGraph.FILE_SHARE).stream()
                .anyMatch(share -> isNfs(share) && accountOf(graph, share).filter(a -> a == account).isPresent());
    }

    private static void nfsOnPremiumFiles(ResourceGraph graph, Findings findings) {
        for (Registration share : graph.ofType(ResourceGraph.FILE_SHARE)) {
            if (!isNfs(share)) {
                continue;
            }
            Optional<Registration> account = accountOf(graph, share);
            if (account.isEmpty()) {
                findings.add(share, "accountName", "the NFS share's account "
                                + Values.stringOr(share.inputs(), "accountName", "(not given)")
                                + " is not declared in this graph, so its kind and SKU cannot be checked",
                        "declare the FileStorage account in the stack and pass its accountName");
                continue;
            }
            Registration storage = account.get();
            Optional<String> kind = Values.string(storage.inputs(), "kind");
            Optional<String> sku = ResourceGraph.skuName(storage);
            if (!Values.equalsIgnoreCase(kind, "FileStorage")) {
                findings.add(storage, "kind", "the account holds the NFS share " + share.name() + " but its kind is "
                        + kind.orElse("not set (StorageV2)"), "use kind: FileStorage (premium file shares)");
            }
            if (sku.isEmpty() || !PREMIUM_SKUS.contains(Values.lower(sku.get()))) {
                findings.add(storage, "sku.name", "the account holds the NFS share " + share.name()
                        + " but its SKU is " + sku.orElse("not set"), "use sku Premium_LRS or Premium_ZRS");
            }
        }
    }

    private static void nfsWithoutSecureTransfer(ResourceGraph graph, Findings findings) {
        for (Registration account : graph.ofType(ResourceGraph.STORAGE_ACCOUNT)) {
            if (hostsNfs(graph, account) && Values.bool(account.inputs(), "enableHttpsTrafficOnly").orElse(true)) {
                findings.add(account, "enableHttpsTrafficOnly", "the account holds an NFS share but requires"
                                + " secure transfer" + (account.inputs().containsKey("enableHttpsTrafficOnly") ? ""
                                : " (the default)") + ", so plain NFS 4.1 mounts are refused",
                        "set enableHttpsTrafficOnly: false and keep the account reachable only through network"
                                + " rules (service endpoint or private endpoint)");
            }
        }
    }

    private static void secureDefaults(ResourceGraph graph, Findings findings) {
        for (Registration account : graph.ofType(ResourceGraph.STORAGE_ACCOUNT)) {
            boolean nfsAccount = Values.equalsIgnoreCase(Values.string(account.inputs(), "kind"), "FileStorage")
                    && hostsNfs(graph, account);
            if (!nfsAccount && !Values.bool(account.inputs(), "enableHttpsTrafficOnly").orElse(true)) {
                findings.add(account, "enableHttpsTrafficOnly", "the account accepts plain HTTP but holds no NFS"
                        + " share", "set enableHttpsTrafficOnly: true");
            }
            Optional<String> tls = Values.string(account.inputs(), "minimumTlsVersion");
            if (!Values.equalsIgnoreCase(tls, "TLS1_2") && !Values.equalsIgnoreCase(tls, "TLS1_3")) {
                findings.add(account, "minimumTlsVersion", "the account's minimum TLS version is "
                        + tls.orElse("not set (older API versions default to TLS1_0)"), "set minimumTlsVersion: TLS1_2");
            }
            if (!Values.bool(account.inputs(), "allowBlobPublicAccess").map(allowed -> !allowed).orElse(false)) {
                findings.add(account, "allowBlobPublicAccess", "the account "
                        + (account.inputs().containsKey("allowBlobPublicAccess") ? "allows" : "does not forbid")
                        + " anonymous blob access", "set allowBlobPublicAccess: false");
            }
        }
    }
}
