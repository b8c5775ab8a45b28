package io.github.dsvmpool.vm;

/**
 * The inline script of the VMs' CustomScript extension: the watcher installer, the per-VM ports installer
 * ({@link PerVmPorts}), then the share mount. One place decides the composition, so the extension and the
 * shell tests run the same text. Each installer logs its own failure and lets the script go on.
 */
public final class ProvisioningScript {
    private static final class Shipped {
        static final MountScript INSTANCE = MountScript.shipped()
                .withPrelude(WatcherInstaller.render() + PerVmPorts.render());
    }

    private ProvisioningScript() {
    }

    public static MountScript shipped() {
        return Shipped.INSTANCE;
    }
}
