package io.github.dsvmpool.vm;

/**
 * The code that installs the pool's SSH host key on a VM ({@code ssh-host-key.sh}): the key file, its public
 * half and an sshd drop-in naming it as the only {@code HostKey}, then a reload of sshd when anything changed.
 * It reads the key from the variables {@link #PUBLIC_KEY_VARIABLE} and {@link #PRIVATE_KEY_VARIABLE}, which
 * {@link MountScript#withHostKey} puts in the script's header (the script travels only in protected settings).
 * {@link ProvisioningScript} runs it after the per-VM ports and before the idle culler and the mount.
 */
public final class HostKeyInstaller {
    static final String INSTALLER = "/io/github/dsvmpool/vm/ssh-host-key.sh";
    static final String PUBLIC_KEY_VARIABLE = "DSVM_SSH_HOST_PUBLIC_KEY";
    static final String PRIVATE_KEY_VARIABLE = "DSVM_SSH_HOST_PRIVATE_KEY";
    /** Where the key lives on a VM: a name of its own, which cloud-init's and the agent's key regeneration skip. */
    public static final String KEY_PATH = "/etc/ssh/dsvm_pool_host_ed25519_key";
    /** The sshd drop-in naming {@link #KEY_PATH} as the only host key. */
    public static final String SSHD_DROP_IN_PATH = "/etc/ssh/sshd_config.d/dsvm-pool-host-key.conf";

    private HostKeyInstaller() {
    }

    /** The installer as shell code without a shebang line. */
    public static String render() {
        String installer = ShippedResources.text(INSTALLER);
        if (!installer.contains(PUBLIC_KEY_VARIABLE) || !installer.contains(PRIVATE_KEY_VARIABLE)
                || !installer.contains(KEY_PATH.substring("/etc/ssh/".length()))
                || !installer.contains(SSHD_DROP_IN_PATH.substring("/etc/ssh/".length()))) {
            throw new IllegalStateException(INSTALLER + " no longer reads the variables or paths HostKeyInstaller names");
        }
        return installer.startsWith("#!") ? installer.substring(installer.indexOf('\n') + 1) : installer;
    }
}
