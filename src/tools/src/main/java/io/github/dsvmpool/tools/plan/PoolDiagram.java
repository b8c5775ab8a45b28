package io.github.dsvmpool.tools.plan;

import io.github.dsvmpool.network.PrivateSubnet;
import io.github.dsvmpool.vm.PerVmPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Mermaid flowchart of the pool for the summary: users -> public IP -> load balancer -> scale set -> share,
 * with the NSG and autoscale. A node is drawn only when the plan declares a resource of its type, so the
 * picture follows the program instead of promising parts it does not declare.
 */
public final class PoolDiagram {
    private PoolDiagram() {
    }

    public static String mermaid(Plan plan, PlanFacts facts) {
        var lines = new ArrayList<String>();
        lines.add("flowchart LR");
        String sources = facts.openToInternet() ? "the internet" : String.join(", ", facts.allowedSourceRanges());
        lines.add("    users([\"Users<br/>" + escape(sources) + "\"])");
        Optional<String> ip = node(plan, lines, "ip", "azure-native:network:PublicIPAddress", "Public IP", "", "[", "]");
        var windows = facts.windowsAccess();
        Optional<String> lb = node(plan, lines, "lb", "azure-native:network:LoadBalancer", "Load balancer",
                windows.map(access -> "per-VM " + access.perVmRule().frontendRange() + " → "
                        + access.perVmRule().backendPort()).orElseGet(() ->
                "per-VM " + facts.sshNatPorts() + " → " + PerVmPorts.SSH_PER_VM_BACKEND_PORT + ", "
                        + facts.jupyterHubNatPorts() + " → " + PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT), "[", "]");
        Optional<String> vmss = node(plan, lines, "vmss", "azure-native:compute:VirtualMachineScaleSet", "Scale set",
                facts.minimumInstances() + "-" + facts.scheduleCeiling() + " × " + facts.vmSize(), "[", "]");
        Optional<String> share = node(plan, lines, "share", "azure-native:storage:FileShare", "File share",
                facts.shareName() + ", " + facts.shareQuotaGiB() + " GiB, " + facts.shareProtocol(), "[(", ")]");
        Optional<String> account = node(plan, lines, "account", "azure-native:storage:StorageAccount",
                "Storage account", facts.storageSku(), "[(", ")]");
        Optional<String> subnet = node(plan, lines, "subnet", PrivateSubnet.TYPE, "Subnet",
                facts.subnetPrefix(), "[", "]");
        Optional<String> nsg = node(plan, lines, "nsg", "azure-native:network:NetworkSecurityGroup", "NSG",
                windows.map(access -> access.entryRule().backendPort() + ", " + access.perVmRule().backendPort()
                        + " from allowed ranges").orElseGet(() ->
                PerVmPorts.SSH_PORT + ", " + PerVmPorts.SSH_PER_VM_BACKEND_PORT + ", " + PerVmPorts.JUPYTERHUB_PORT
                        + ", " + PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT + " from allowed ranges"), "{{", "}}");
        Optional<String> autoscale = node(plan, lines, "autoscale", PlanFacts.AUTOSCALE_TYPE, "Autoscale",
                "min " + facts.minimumInstances() + " / default " + facts.initialInstances() + " / max "
                        + facts.scheduleCeiling(), "[[", "]]");

        edge(lines, Optional.of("users"), ip.or(() -> lb), windows.isPresent()
                ? "-->|\"Remote Desktop " + windows.get().entryRule().frontendPort() + "\"|"
                : "-->|\"SSH 22, JupyterHub 8000\"|");
        edge(lines, ip, lb, "-->");
        edge(lines, lb, vmss, "-->");
        edge(lines, vmss, share, "-->|\"" + ("NFS".equals(facts.shareProtocol()) ? "NFS 4.1" : "SMB 3.1.1") + "\"|");
        edge(lines, account, share, "---");
        edge(lines, subnet, vmss, "---");
        edge(lines, nsg, subnet, "-.->|guards|");
        edge(lines, autoscale, vmss, "-.->|scales|");
        return String.join("\n", lines) + "\n";
    }

    private static Optional<String> node(Plan plan, List<String> lines, String id, String type, String title,
                                         String detail, String open, String close) {
        List<PlannedResource> found = plan.ofType(type);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String names = String.join(", ", found.stream().map(PlannedResource::name).toList());
        String label = title + "<br/>" + escape(names) + (detail.isEmpty() ? "" : "<br/>" + escape(detail));
        lines.add("    " + id + open + "\"" + label + "\"" + close);
        return Optional.of(id);
    }

    private static void edge(List<String> lines, Optional<String> from, Optional<String> to, String arrow) {
        if (from.isPresent() && to.isPresent()) {
            lines.add("    " + from.get() + " " + arrow + " " + to.get());
        }
    }

    /** Mermaid labels are quoted; quotes and angle brackets inside them become entity codes. */
    static String escape(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
