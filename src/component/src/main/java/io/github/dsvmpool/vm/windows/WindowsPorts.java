package io.github.dsvmpool.vm.windows;

/**
 * The ports every VM of a Windows pool serves. Users reach the pool over Remote Desktop on {@link #RDP_PORT},
 * load-balanced, and each VM through a frontend port of its own (inbound NAT rule V2) that arrives on
 * {@link #RDP_PER_VM_BACKEND_PORT}: Azure refuses two inbound rules with the same backend port on one scale-set
 * IP configuration, so the provisioning script forwards that port to {@link #RDP_PORT} on the VM.
 */
public final class WindowsPorts {
    /** Remote Desktop's listener on Windows. */
    public static final int RDP_PORT = 3389;
    /** The backend port of each VM's own RDP frontend port, forwarded on the VM to {@link #RDP_PORT}. */
    public static final int RDP_PER_VM_BACKEND_PORT = 3390;

    private WindowsPorts() {
    }
}
