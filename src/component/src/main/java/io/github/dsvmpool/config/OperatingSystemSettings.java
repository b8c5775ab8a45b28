package io.github.dsvmpool.config;

/**
 * The operating system of the pool's VMs and what only a Windows pool uses (a Linux pool ignores the other two).
 *
 * @param system           {@code linux} (default) or {@code windows}
 * @param rdpNatFirstPort  first frontend port of the per-VM RDP range (Windows), default 54000
 * @param shareDriveLetter the drive letter every Windows user sees the share at, one of D-Z; default {@code Z}
 */
public record OperatingSystemSettings(OperatingSystem system, int rdpNatFirstPort, String shareDriveLetter) {
    /** @return whether the pool runs Windows */
    public boolean windows() {
        return system == OperatingSystem.WINDOWS;
    }
}
