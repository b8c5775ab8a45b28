package io.github.dsvmpool.vm;

/**
 * The inline script of the VMs' CustomScript extension: the watcher installer, then the share mount. One
 * place decides the composition, so the extension and the shell tests run the same text.
 */
public final class ProvisioningScript {
    private static final class Shipped {
        static final MountScript INSTANCE = MountScript.shipped().withPrelude(WatcherInstaller.render());
    }

    private ProvisioningScript() {
    }

    public static MountScript shipped() {
        return Shipped.INSTANCE;
    }
}
