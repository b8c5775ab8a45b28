package io.github.dsvmpool.pool;

import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.windows.WindowsExtensionSettings;
import io.github.dsvmpool.vm.windows.WindowsMountParameters;
import io.github.dsvmpool.vm.windows.WindowsProvisioningScript;
import io.github.dsvmpool.vm.windows.WindowsSessionAgent;
import java.util.Optional;

/**
 * A Windows pool's provisioning: the CustomScriptExtension for Windows ({@code Microsoft.Compute} /
 * {@code CustomScriptExtension} 1.10) running {@link WindowsProvisioningScript}'s command once as LocalSystem, which
 * registers the share's mapping task (docs/windows.md). Learn "Custom Script Extension for Windows": public settings
 * are shown in clear text, protected settings are encrypted and never returned, so the whole command (with the key
 * when there is no Key Vault) is in {@code protectedSettings}, marked secret, and there are no public settings;
 * {@code forceUpdateTag} carries the scripts' visible revision (never the key) and {@code provisioningRevision}.
 */
final class WindowsProvisioningExtension {
    private WindowsProvisioningExtension() {
    }

    /**
     * @param keyVault   where the script reads the key at every mapping; empty: the key travels in the command
     * @param storageKey the account key (a secret output), used only without Key Vault
     * @param userData   the scale set's userData (the session agent, which provision.ps1 installs)
     */
    static VirtualMachineScaleSetExtensionArgs of(Output<WindowsMountParameters> parameters,
                                                  Optional<Output<MountScript.KeyVaultReference>> keyVault,
                                                  Output<String> storageKey, String provisioningRevision,
                                                  Output<String> userData) {
        var script = WindowsProvisioningScript.shipped();
        // provision.ps1 installs the agent only from a userData with this hash (WindowsSessionAgent.sha256).
        Output<WindowsExtensionSettings> settings = keyVault
                .map(reference -> Output.tuple(parameters, reference, userData)
                        .applyValue(all -> script.extensionWithKeyVault(all.t1, all.t2,
                                WindowsSessionAgent.sha256(all.t3))))
                .orElseGet(() -> Output.tuple(parameters, storageKey, userData)
                        .applyValue(all -> script.extensionWithKey(all.t1, all.t2, WindowsSessionAgent.sha256(all.t3))));
        return VirtualMachineScaleSetExtensionArgs.builder()
                .name(MountExtension.NAME)
                .publisher(WindowsProvisioningScript.PUBLISHER)
                .type(WindowsProvisioningScript.TYPE)
                .typeHandlerVersion(WindowsProvisioningScript.VERSION)
                .autoUpgradeMinorVersion(true)
                .protectedSettings(settings.applyValue(all -> (Object) all.protectedSettings()).asSecret())
                // The revision is computed without the key, so it stays visible even when the key is secret.
                // provision.ps1 writes the agent from userData, so a changed agent re-runs the extension too.
                .forceUpdateTag(Output.tuple(settings, userData).applyValue(both -> both.t1.forceUpdateTag() + "-"
                        + WindowsSessionAgent.revision(both.t2) + "-" + provisioningRevision).asPlaintext())
                .build();
    }
}
