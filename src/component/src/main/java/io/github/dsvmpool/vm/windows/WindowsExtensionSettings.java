package io.github.dsvmpool.vm.windows;

import java.util.Map;

/**
 * What the CustomScriptExtension of a Windows pool receives, split as Azure keeps it: {@code settings} are sent
 * and shown in clear text, {@code protectedSettings} are encrypted with a key known only to Azure and the VM and
 * never returned by the API (Learn "Custom Script Extension for Windows"). Here every setting is protected;
 * the public settings are empty, and {@code forceUpdateTag} is the visible revision that makes a change of the
 * protected command re-run the extension.
 *
 * @param settings          the public settings (empty)
 * @param protectedSettings {@code commandToExecute}
 * @param forceUpdateTag    a hash of the scripts and the non-secret parameters, never of the key
 */
public record WindowsExtensionSettings(Map<String, Object> settings, Map<String, Object> protectedSettings,
                                       String forceUpdateTag) {
    public WindowsExtensionSettings {
        settings = Map.copyOf(settings);
        protectedSettings = Map.copyOf(protectedSettings);
    }
}
