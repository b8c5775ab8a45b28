package io.github.dsvmpool.tools.plan;

import io.github.dsvmpool.vm.PerVmPorts;
import java.util.List;
import java.util.Map;

/** {@code summary.md}: the plan for a pull-request comment: a diagram of the pool and the facts to review. */
public final class PlanSummary {
    private PlanSummary() {
    }

    public static String render(Plan plan, PlanFacts facts, CostSection cost) {
        var md = new StringBuilder();
        md.append("## Offline plan: `").append(facts.stack()).append("` (").append(facts.project()).append(")\n\n");
        md.append(facts.resourceCount()).append(" resources (").append(facts.azureResourceCount())
                .append(" Azure resources) declared by the stack program, run under the mock engine: no cloud was"
                        + " contacted, ids are fake, and secret values show as `").append(PlanValues.SECRET_MARKER)
                .append("`.\n\n");
        md.append("```mermaid\n").append(PoolDiagram.mermaid(plan, facts)).append("```\n\n");
        md.append("| fact | value |\n|---|---|\n");
        row(md, "pool", code(facts.poolName()) + " in " + code(facts.location()));
        row(md, "production", facts.production() ? "yes" : "no");
        row(md, "VM size", code(facts.vmSize()));
        row(md, "availability zones", PlacementFacts.zones(plan));
        row(md, "Trusted Launch", PlacementFacts.trustedLaunch(plan));
        row(md, "VMs the schedule allows (floor / initial / ceiling)", facts.minimumInstances() + " / "
                + facts.initialInstances() + " / " + facts.scheduleCeiling());
        row(md, "sized for (maxInstanceCount)", facts.maximumInstances() + " VMs: subnet, outbound (the per-VM port"
                + " ranges hold " + io.github.dsvmpool.plans.NatPortPlan.PORTS_PER_RANGE + " whatever the maximum)");
        if (facts.windowsAccess().isPresent()) {
            remoteDesktop(md, facts, facts.windowsAccess().get());
        } else {
            row(md, "pool entry", "SSH " + PerVmPorts.SSH_PORT + ", JupyterHub " + PerVmPorts.JUPYTERHUB_PORT
                    + " (any available VM)");
            row(md, "per-VM SSH ports", facts.sshNatPorts() + " → " + PerVmPorts.SSH_PER_VM_BACKEND_PORT + " of one VM each");
            row(md, "per-VM JupyterHub ports", facts.jupyterHubNatPorts() + " → "
                    + PerVmPorts.JUPYTERHUB_PER_VM_BACKEND_PORT + " of one VM each (→ " + PerVmPorts.JUPYTERHUB_PORT + ")");
        }
        row(md, "outbound", facts.outbound());
        row(md, "allowed source ranges", facts.openToInternet() ? "**the whole internet** (allowOpenInternet)"
                : codes(facts.allowedSourceRanges()));
        row(md, "subnet", code(facts.subnetPrefix()));
        row(md, "share", code(facts.shareName()) + ", " + facts.shareQuotaGiB() + " GiB, " + facts.shareProtocol()
                + ", storage " + code(facts.storageSku()));
        row(md, "protected (`protect`)", listOrNone(facts.protectedResources()));
        row(md, "retained on delete", listOrNone(facts.retainedResources()));
        row(md, "autoscale profiles", listOrNone(facts.autoscaleProfiles()));
        row(md, "VMs outside working hours", facts.outsideWorkingHours().isEmpty()
                ? "none: off hours at 0 and no fixed date" : String.join("; ", facts.outsideWorkingHours()));
        row(md, "monthly cost", cost.markdown(facts).orElse("not estimated by the offline plan"));
        md.append("\n### Resources by type\n\n| type | count |\n|---|---:|\n");
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(facts.countsByType()).entrySet()) {
            md.append("| `").append(entry.getKey()).append("` | ").append(entry.getValue()).append(" |\n");
        }
        return md.toString();
    }

    /** A Windows pool's entry, its per-VM ports, and how many people it serves at once (docs/windows.md). */
    private static void remoteDesktop(StringBuilder md, PlanFacts facts,
                                      io.github.dsvmpool.plans.WindowsAccessPlan access) {
        var perVm = access.perVmRule();
        row(md, "operating system", "Windows (Windows Server 2022 DSVM, Remote Desktop; no JupyterHub)");
        row(md, "pool entry", "Remote Desktop " + access.entryRule().frontendPort() + " (any available VM, client-IP"
                + " affinity)");
        row(md, "per-VM Remote Desktop ports", perVm.frontendRange() + " → " + perVm.backendPort()
                + " of one VM each (→ " + access.entryRule().backendPort() + ")");
        row(md, "users served at once", io.github.dsvmpool.plans.WindowsAccessPlan.SESSIONS_PER_VM + " per VM"
                + " (Windows Server without Remote Desktop Services licensing): at most "
                + io.github.dsvmpool.plans.WindowsAccessPlan.usersServed(facts.scheduleCeiling()) + " at the"
                + " schedule's ceiling of " + facts.scheduleCeiling() + " VMs; RDS licensing (RD Session Host and"
                + " client access licences) would allow as many as the VM size carries");
    }

    private static void row(StringBuilder md, String fact, String value) {
        md.append("| ").append(fact).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }

    private static String codes(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values.stream().map(PlanSummary::code).toList());
    }

    private static String listOrNone(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
