package io.github.dsvmpool.vm;

/**
 * The code that makes the hub on a VM cull idle notebook servers ({@code idle-culler.sh}): it finds the
 * hub's service, Python and configuration, installs {@code jupyterhub-idle-culler} into that Python and
 * declares it as a hub service with the configured timeout (0 = off: the block is removed again).
 * {@link ProvisioningScript} runs it after the per-VM ports and before the share mount; a failure is logged
 * and the mount goes on. Facts: jupyterhub/jupyterhub-idle-culler README (the service, its role's scopes on
 * JupyterHub >= 2, {@code --timeout} in seconds); Learn "Data Science Virtual Machine for Linux (Ubuntu)"
 * quickstart ({@code /etc/jupyterhub/jupyterhub_config.py}).
 */
public final class IdleCuller {
    static final String INSTALLER = "/io/github/dsvmpool/vm/idle-culler.sh";
    static final String TIMEOUT_PLACEHOLDER = "@IDLE_CULL_TIMEOUT_SECONDS@";
    /** 0 turns culling off. */
    public static final int OFF = 0;
    /** Activity reaches the hub coarsely (about every 5 minutes): shorter timeouts cull active users. */
    public static final int MIN_MINUTES = 10;
    /** One week. */
    public static final int MAX_MINUTES = 10_080;
    /**
     * One hour, as Zero to JupyterHub's {@code cull.timeout} (3600 s): long enough for a lunch break, short
     * enough that an evening's forgotten notebook does not keep a VM from scaling in.
     */
    public static final int DEFAULT_MINUTES = 60;

    private IdleCuller() {
    }

    /** The installer as shell code without a shebang line, with the timeout filled in. */
    public static String render(int timeoutMinutes) {
        if (timeoutMinutes != OFF && (timeoutMinutes < MIN_MINUTES || timeoutMinutes > MAX_MINUTES)) {
            throw new IllegalArgumentException("idle timeout " + timeoutMinutes + " minutes: 0 or "
                    + MIN_MINUTES + "-" + MAX_MINUTES);
        }
        String installer = ShippedResources.text(INSTALLER);
        if (!installer.contains(TIMEOUT_PLACEHOLDER)) {
            throw new IllegalStateException(INSTALLER + " lost its placeholder");
        }
        String withoutShebang = installer.startsWith("#!") ? installer.substring(installer.indexOf('\n') + 1) : installer;
        return withoutShebang.replace(TIMEOUT_PLACEHOLDER, Integer.toString(timeoutMinutes * 60));
    }
}
