package io.github.dsvmpool.pool;

import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.core.Output;
import io.github.dsvmpool.vm.MountParameters;
import io.github.dsvmpool.vm.MountScript;
import io.github.dsvmpool.vm.SshHostKey;
import java.util.Map;
import java.util.Optional;

/**
 * The CustomScript extension that provisions every VM: it installs the scheduled-events watcher, then mounts
 * the share (a VM has one CustomScript extension, so all travel in one inline script). The script and its
 * arguments, the storage key and the pool's private SSH host key among them, travel only in
 * {@code protectedSettings} (encrypted, never returned by Azure; Learn "Use the Azure Custom Script Extension
 * Version 2 with Linux virtual machines": "protected settings ... encrypted", public settings "in clear text").
 * Because Azure cannot show a diff of protected settings, {@code forceUpdateTag} carries a visible revision of
 * the script, its non-secret arguments and the host key's public line, so that a change re-runs the extension on
 * existing VMs.
 */
final class MountExtension {
    static final String NAME = "provision-vm";
    static final String PUBLISHER = "Microsoft.Azure.Extensions";
    static final String TYPE = "CustomScript";
    static final String VERSION = "2.1";

    private MountExtension() {
    }

    /**
     * @param storageKey the account key (a secret output) for SMB; empty for NFS, which needs none
     * @param hostKey    the pool's SSH host key (a secret output)
     */
    static VirtualMachineScaleSetExtensionArgs of(Output<MountParameters> parameters,
                                                  Optional<Output<String>> storageKey,
                                                  Output<SshHostKey> hostKey, String provisioningRevision,
                                                  Output<MountScript> script) {
        Output<MountScript> keyed = Output.tuple(script, hostKey).applyValue(both -> both.t1.withHostKey(both.t2));
        Output<Object> protectedSettings = storageKey
                .map(key -> Output.tuple(keyed, parameters, key).applyValue(all ->
                        settings(all.t1.encodedScript(all.t2, all.t3))))
                .orElseGet(() -> Output.tuple(keyed, parameters).applyValue(both ->
                        settings(both.t1.encodedScript(both.t2, null))))
                .asSecret();
        return extension(protectedSettings, PoolHostKey.publicHalf(Output.tuple(keyed, parameters)
                .applyValue(both -> both.t1.revision(both.t2) + "-" + provisioningRevision)));
    }

    /** The script reads the key from Key Vault at mount time: no key in the extension's settings. */
    static VirtualMachineScaleSetExtensionArgs readingTheKeyFrom(Output<MountScript.KeyVaultReference> keyVault,
                                                                 Output<MountParameters> parameters,
                                                                 Output<SshHostKey> hostKey,
                                                                 String provisioningRevision,
                                                                 Output<MountScript> script) {
        var all = Output.tuple(Output.tuple(script, hostKey).applyValue(both -> both.t1.withHostKey(both.t2)),
                keyVault, parameters);
        // Nothing secret in it but the host key; the script stays in protected settings (never returned by
        // Azure's API).
        return extension(all.applyValue(t -> settings(t.t1.encodedScriptWithKeyVault(t.t3, t.t2))).asSecret(),
                PoolHostKey.publicHalf(all.applyValue(t -> t.t1.revision(t.t3, t.t2) + "-" + provisioningRevision)));
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
