package io.github.dsvmpool.vm;

/**
 * The inline script of the VMs' CustomScript extension: the watcher installer, the per-VM ports installer
 * ({@link PerVmPorts}), the pool's SSH host key ({@link HostKeyInstaller}, the key itself given with
 * {@link MountScript#withHostKey}), the idle culler ({@link IdleCuller}), the session agent ({@link SessionAgent},
 * only when session protection is on: off gives the script of before the agent, byte for byte), then the share
 * mount. One place decides the composition, so the extension and the shell tests run the same text. Each
 * installer logs its own failure and lets the script go on.
 */
public final class ProvisioningScript {
    private static final class Shipped {
        static final MountScript INSTANCE = of(IdleCuller.DEFAULT_MINUTES);
    }

    private ProvisioningScript() {
    }

    /** The script with the default idle timeout. */
    public static MountScript shipped() {
        return Shipped.INSTANCE;
    }

    /** The script with the idle culler's timeout in minutes (0 = off). */
    public static MountScript of(int idleCullMinutes) {
        return of(idleCullMinutes, java.util.Optional.empty());
    }

    /**
     * The script with the idle culler's timeout and, when given, the session agent with its settings. The agent
     * comes after the culler (both edit the hub's configuration, each its own marked block) and before the mount;
     * it writes its records to the share once the mount is there (it checks every minute).
     */
    public static MountScript of(int idleCullMinutes, java.util.Optional<SessionAgent.Settings> sessionAgent) {
        return of(idleCullMinutes, sessionAgent, false, 0);
    }

    /**
     * As above, and with {@code monitoring} the script's stderr copied to syslog first ({@link SyslogForwarding})
     * and the hub's health probe installed ({@link HubHealthLogger}), so that errors and an unhealthy hub reach
     * monitoring; false adds nothing.
     *
     * @param healthGraceMinutes minutes after boot before a failing hub counts (the repairs' grace period)
     */
    public static MountScript of(int idleCullMinutes, java.util.Optional<SessionAgent.Settings> sessionAgent,
                                 boolean monitoring, int healthGraceMinutes) {
        return MountScript.shipped()
                .withPrelude(SyslogForwarding.render(monitoring) + WatcherInstaller.render() + PerVmPorts.render()
                        + HostKeyInstaller.render() + IdleCuller.render(idleCullMinutes)
                        + sessionAgent.map(SessionAgent::render).orElse("")
                        + HubHealthLogger.render(monitoring, healthGraceMinutes));
    }
}
