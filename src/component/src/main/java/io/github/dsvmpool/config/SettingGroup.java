package io.github.dsvmpool.config;

/** The groups of the settings: the sections of docs/configuration.md, in its order. */
public enum SettingGroup {
    /** The pool's name, region and production switch. */
    POOL("The pool"),
    /** Address space, subnet and who may connect. */
    NETWORK("Network"),
    /** The public entry and the per-VM port ranges. */
    LOAD_BALANCER("Load balancer, per-VM ports and idle timeouts"),
    /** How the VMs reach the internet. */
    OUTBOUND("Outbound"),
    /** The shared Azure Files workspace. */
    STORAGE("Storage and the shared workspace"),
    /** The VMs' size, image and admin account. */
    VMS("VMs and image"),
    /** Instance counts and the team's week. */
    CAPACITY("Capacity and autoscale"),
    /** Provisioning, the health source and repairs. */
    HEALTH("Provisioning, health and repairs"),
    /** The session agent. */
    SESSIONS("Sessions: VMs in use protect themselves from scale-in"),
    /** The Azure Monitor Agent, the workspace and the alerts. */
    MONITORING("Monitoring: what is watched and who is told"),
    /** Sign-in with Microsoft Entra ID. */
    ENTRA("Sign-in with Microsoft Entra ID"),
    /** Tags, the secrets and references to existing resources. */
    REFERENCES("Tags, secrets and references");

    private final String heading;

    SettingGroup(String heading) {
        this.heading = heading;
    }

    /**
     * The section's heading in docs/configuration.md.
     *
     * @return the heading, without the {@code ##}
     */
    public String heading() {
        return heading;
    }
}
