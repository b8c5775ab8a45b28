package io.github.dsvmpool.pool;

import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.vm.MountParameters;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.ProvisioningScript;
import java.util.Map;
import java.util.Optional;

/**
 * The CustomScript extension that provisions every VM: it installs the scheduled-events watcher, then mounts
 * the share (a VM has one CustomScript extension, so both travel in one inline script). The script and its arguments, the storage key
 * among them, travel only in {@code protectedSettings} (encrypted, never returned by Azure). Because Azure
 * cannot show a diff of protected settings, {@code forceUpdateTag} carries a visible revision of the script and
 * its non-secret arguments, so that a change re-runs the mount on existing VMs.
 */
final class MountExtension {
    static final String NAME = "provision-vm";
    static final String PUBLISHER = "Microsoft.Azure.Extensions";
    static final String TYPE = "CustomScript";
    static final String VERSION = "2.1";

    private MountExtension() {
    }

    /** @param storageKey the account key (a secret output) for SMB; empty for NFS, which needs none */
    static VirtualMachineScaleSetExtensionArgs of(Output<MountParameters> parameters,
                                                  Optional<Output<String>> storageKey,
                                                  String provisioningRevision, int idleCullMinutes) {
        var script = ProvisioningScript.of(idleCullMinutes);
        Output<Object> protectedSettings = storageKey
                .map(key -> Output.tuple(parameters, key).applyValue(t ->
                        settings(script.encodedScript(t.t1, t.t2))))
                .orElseGet(() -> parameters.applyValue(p -> settings(script.encodedScript(p, null))))
                .asSecret();
        return extension(protectedSettings,
                parameters.applyValue(p -> script.revision(p) + "-" + provisioningRevision));
    }

    /** The script reads the key from Key Vault at mount time: no key in the extension's settings. */
    static VirtualMachineScaleSetExtensionArgs readingTheKeyFrom(Output<MountScript.KeyVaultReference> keyVault,
                                                                 Output<MountParameters> parameters,
                                                                 String provisioningRevision, int idleCullMinutes) {
        var script = ProvisioningScript.of(idleCullMinutes);
        var both = Output.tuple(parameters, keyVault);
        // Nothing secret in it any more, but the script stays where it was (protected settings are never
        // returned by Azure's API).
        return extension(both.applyValue(t -> settings(script.encodedScriptWithKeyVault(t.t1, t.t2))).asSecret(),
                both.applyValue(t -> script.revision(t.t1, t.t2) + "-" + provisioningRevision));
    }

    /** The one CustomScript extension, whichever way the script gets the key. */
    private static VirtualMachineScaleSetExtensionArgs extension(Output<Object> protectedSettings,
                                                               Output<String> forceUpdateTag) {
        return VirtualMachineScaleSetExtensionArgs.builder()
                .name(NAME)
                .publisher(PUBLISHER)
                .type(TYPE)
                .typeHandlerVersion(VERSION)
                .autoUpgradeMinorVersion(true)
                .protectedSettings(protectedSettings)
                .forceUpdateTag(forceUpdateTag)
                .build();
    }

    private static Object settings(String encodedScript) {
        return Map.of("script", encodedScript);
    }
}
