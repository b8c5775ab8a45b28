package io.github.dsvmpool.vm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The code that installs the scheduled-events watcher on a VM, with the watcher script and its systemd unit
 * embedded. It runs inside the same CustomScript extension as the mount (a VM has one CustomScript
 * extension), ahead of it, so that the installation does not depend on the share being reachable.
 */
public final class WatcherInstaller {
    static final String INSTALLER = "/io/github/dsvmpool/vm/install-watcher.sh";
    public static final String WATCHER_SCRIPT = "/io/github/dsvmpool/vm/scheduled-events-watcher.sh";
    public static final String WATCHER_UNIT = "/io/github/dsvmpool/vm/dsvm-scheduled-events.service";
    static final String SCRIPT_PLACEHOLDER = "@WATCHER_SCRIPT_BASE64@";
    static final String UNIT_PLACEHOLDER = "@WATCHER_UNIT_BASE64@";

    private WatcherInstaller() {
    }

    /** The installer as shell code without a shebang line, ready to precede the mount script's body. */
    public static String render() {
        String installer = ShippedResources.text(INSTALLER);
        if (!installer.contains(SCRIPT_PLACEHOLDER) || !installer.contains(UNIT_PLACEHOLDER)) {
            throw new IllegalStateException(INSTALLER + " lost its placeholders");
        }
        String withoutShebang = installer.startsWith("#!") ? installer.substring(installer.indexOf('\n') + 1) : installer;
        return withoutShebang
                .replace(SCRIPT_PLACEHOLDER, base64(ShippedResources.text(WATCHER_SCRIPT)))
                .replace(UNIT_PLACEHOLDER, base64(ShippedResources.text(WATCHER_UNIT)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
