package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.SettingCatalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the scale set learns that a VM is unhealthy, and what it does about it. Pure: the component only wires.
 *
 * <p>The one health source is the Application Health extension (publisher {@value #PUBLISHER}, type
 * {@value #TYPE}) in <b>Binary</b> mode, {@code typeHandlerVersion} {@value #VERSION}: it probes
 * {@code https://localhost:8000/hub/health} on the VM, skips certificate checks (the DSVM's JupyterHub is
 * self-signed) and counts HTTP 200 as healthy (Azure/applicationhealth-extension-linux {@code main/health.go};
 * Learn "Using Application Health extension with Virtual Machine Scale Sets"). JupyterHub answers
 * {@code /hub/health} with an empty 200 and without login (jupyterhub {@code handlers/pages.py}); Rich mode
 * (2.0) would need a JSON body, so an empty 200 would be "Unknown" there and trigger repairs in a loop.
 *
 * <p>The scale set's {@code networkProfile.healthProbe} is never set: automatic repairs take exactly one
 * health source, the extension or a load balancer probe (Learn "Automatic instance repairs for Azure Virtual
 * Machine Scale Sets"); the LB rules keep their own TCP probes for routing.
 *
 * @param extension      whether the health extension is declared
 * @param repairs        whether {@code automaticRepairsPolicy} is enabled (needs the extension)
 * @param graceMinutes   minutes after a state change before a repair may start (10-90)
 * @param repairAction   Replace, Restart or Reimage
 */
public record HealthPlan(boolean extension, boolean repairs, int graceMinutes, String repairAction) {
    /**
     * The decisions, with the defaults resolved for a production or non-production pool.
     *
     * @param health     the configured health settings
     * @param production whether the pool is a production pool
     * @return the plan
     */
    public static HealthPlan of(io.github.dsvmpool.config.HealthSettings health, boolean production) {
        boolean repair = health.repairs().orElse(production);
        // Repairs need a health source: left unset, the extension follows the repairs.
        boolean probe = health.extension().orElse(production || repair);
        return new HealthPlan(probe, repair, health.graceMinutes(), health.repairAction());
    }

    /**
     * The pool's health source and automatic repairs, with the defaults for this pool resolved.
     *
     * @param settings the pool's settings
     * @return the plan
     */
    public static HealthPlan of(io.github.dsvmpool.config.PoolSettings settings) {
        return of(settings.health(), settings.production());
    }

    public static final String PUBLISHER = "Microsoft.ManagedServices";
    public static final String TYPE = "ApplicationHealthLinux";
    /** Binary health states; 2.0 is Rich mode. */
    public static final String VERSION = "1.0";
    public static final String EXTENSION_NAME = "health";
    public static final String PROTOCOL = io.github.dsvmpool.vm.HubHealthLogger.PROTOCOL;
    /** JupyterHub's port on the DSVM (HTTPS, self-signed); keep in step with PerVmPorts.JUPYTERHUB_PORT. */
    public static final int PORT = io.github.dsvmpool.vm.PerVmPorts.JUPYTERHUB_PORT;
    public static final String REQUEST_PATH = io.github.dsvmpool.vm.HubHealthLogger.REQUEST_PATH;
    /** Azure accepts 5-60 s. */
    public static final int INTERVAL_SECONDS = 15;
    /** Azure accepts 1-24: 4 x 15 s = one minute of failures before the VM counts as unhealthy. */
    public static final int NUMBER_OF_PROBES = 4;
    public static final int MIN_GRACE_MINUTES = SettingCatalog.REPAIR_GRACE_PERIOD_MINUTES.rangeOrThrow().min();
    public static final int MAX_GRACE_MINUTES = SettingCatalog.REPAIR_GRACE_PERIOD_MINUTES.rangeOrThrow().max();
    /**
     * A DSVM needs several minutes to boot, run the provisioning script (package installs) and start
     * JupyterHub; the grace period starts after the state change completes, so 30 minutes leaves room for a
     * slow first boot without keeping a dead hub in the pool for long.
     */
    public static final int DEFAULT_GRACE_MINUTES = SettingCatalog.REPAIR_GRACE_PERIOD_MINUTES.defaultOrThrow();
    public static final String DEFAULT_REPAIR_ACTION = SettingCatalog.REPAIR_ACTION.defaultOrThrow();
    public static final java.util.List<String> REPAIR_ACTIONS = java.util.List.of("Replace", "Restart", "Reimage");

    /** The extension's public settings (nothing secret: a probe of localhost). */
    public Map<String, Object> extensionSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("protocol", PROTOCOL);
        settings.put("port", PORT);
        settings.put("requestPath", REQUEST_PATH);
        settings.put("intervalInSeconds", INTERVAL_SECONDS);
        settings.put("numberOfProbes", NUMBER_OF_PROBES);
        return settings;
    }

    /**
     * The grace period in the form Azure documents ({@code PT10M}..{@code PT90M}, minutes only, so 90 minutes
     * is {@code PT90M}, not {@code PT1H30M}); empty without repairs.
     */
    public Optional<String> gracePeriod() {
        return repairs ? Optional.of("PT" + graceMinutes + "M") : Optional.empty();
    }
}
