package io.github.dsvmpool.config;

/**
 * The pool's operating system: the Ubuntu Data Science VM (SSH and JupyterHub) or the Windows Server one (Remote
 * Desktop; the Windows DSVM has JupyterLab but no JupyterHub, docs/windows.md).
 */
public enum OperatingSystem {
    /** The Ubuntu DSVM: SSH and JupyterHub, the share mounted at {@code mountPoint}. */
    LINUX("linux"),
    /** The Windows Server DSVM: Remote Desktop, two sessions per VM, the share at {@code shareDriveLetter}. */
    WINDOWS("windows");

    private final String configName;

    OperatingSystem(String configName) {
        this.configName = configName;
    }

    /** The value of the {@code operatingSystem} setting. */
    @Override
    public String toString() {
        return configName;
    }
}
