package io.github.dsvmpool.pool;

import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.plans.AzureNames;
import io.github.dsvmpool.plans.GlobalNames;
import io.github.dsvmpool.plans.NatPortPlan;
import io.github.dsvmpool.plans.OutboundPlan;
import io.github.dsvmpool.plans.PortRange;
import io.github.dsvmpool.plans.autoscale.AutoscalePlan;
import io.github.dsvmpool.vm.MountParameters;
import io.github.dsvmpool.vm.PerVmPorts;
import io.github.dsvmpool.vm.ShareProtocol;
import com.pulumi.azurenative.compute.enums.ResourceIdentityType;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetExtensionArgs;
import com.pulumi.azurenative.compute.inputs.VirtualMachineScaleSetIdentityArgs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shared, autoscaling pool of Azure Data Science VMs behind one load balancer, all mounting one Azure Files
 * share. The constructor validates its settings (every problem at once, before any child is declared) and then
 * only wires the parts together; the decisions live in {@code io.github.dsvmpool.plans}.
 */
public final class DsvmPool extends ComponentResource {
    /** The component's Pulumi type token. */
    public static final String TYPE = "dsvm-pool:index:DsvmPool";

    /** The resource group holding the pool. */
    @Export(name = "resourceGroupName", refs = String.class)
    public final Output<String> resourceGroupName;
    /** The public IP address of the load balancer. */
    @Export(name = "publicIpAddress", refs = String.class)
    public final Output<String> publicIpAddress;
    /** The DNS name of the load balancer, e.g. {@code dsvm-dev-1a2b3c4d.westeurope.cloudapp.azure.com}. */
    @Export(name = "fqdn", refs = String.class)
    public final Output<String> fqdn;
    /** JupyterHub through the pool entry (self-signed HTTPS). */
    @Export(name = "jupyterHubUrl", refs = String.class)
    public final Output<String> jupyterHubUrl;
    /** SSH to any available VM through the pool entry. */
    @Export(name = "sshCommand", refs = String.class)
    public final Output<String> sshCommand;
    /**
     * Frontend ports that reach one VM each for SSH (its port 2222), one per VM the pool may hold, e.g.
     * {@code 50000-51049}; which port is which VM: docs/operations.md, "Reaching the pool and one specific VM".
     */
    @Export(name = "sshNatPortRange", refs = String.class)
    public final Output<String> sshNatPortRange;
    /** Frontend ports that reach one VM each for JupyterHub (its port 8443, redirected to 8000). */
    @Export(name = "jupyterHubNatPortRange", refs = String.class)
    public final Output<String> jupyterHubNatPortRange;
    /** The share as a UNC path. */
    @Export(name = "shareUncPath", refs = String.class)
    public final Output<String> shareUncPath;
    /** The storage account's Azure name (globally unique). */
    @Export(name = "storageAccountName", refs = String.class)
    public final Output<String> storageAccountName;
    /** The scale set's Azure name. */
    @Export(name = "scaleSetName", refs = String.class)
    public final Output<String> scaleSetName;
    /** The scale set's Azure resource id. */
    @Export(name = "scaleSetId", refs = String.class)
    public final Output<String> scaleSetId;
    /**
     * The load balancer's Azure name, for the port-mapping query of the per-VM NAT rules:
     * {@code <poolName>-lb-<hash>}, the hash of project, stack and pool name (unique in a shared resource group).
     */
    @Export(name = "loadBalancerName", refs = String.class)
    public final Output<String> loadBalancerName;
    /** The VMs' local admin account. */
    @Export(name = "adminUsername", refs = String.class)
    public final Output<String> adminUsername;
    /** The public addresses the VMs' outbound traffic leaves from (for allow-lists elsewhere). */
    @Export(name = "outboundIpAddresses", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> outboundIpAddresses;
    /** The admin account's password, given or generated: always a secret. */
    @Export(name = "adminPassword", refs = String.class)
    public final Output<String> adminPassword;
    /** The id of the subnet the VMs are on: the pool's own, or the existing one it joined. */
    @Export(name = "subnetId", refs = String.class)
    public final Output<String> subnetId;
    /**
     * The pool's SSH host key, the same on every VM: {@code ssh-ed25519 AAAA... dsvm-pool-<poolName>}
     * (docs/ssh-host-key.md).
     */
    @Export(name = "sshHostPublicKey", refs = String.class)
    public final Output<String> sshHostPublicKey;
    /**
     * The line users add to {@code ~/.ssh/known_hosts} to trust the pool: its DNS name and address, on port 22 and
     * on every other port ({@code [name]:*}, the per-VM ports), with {@link #sshHostPublicKey}.
     */
    @Export(name = "sshKnownHostsLine", refs = String.class)
    public final Output<String> sshKnownHostsLine;

    /**
     * A Windows pool's Remote Desktop entry, {@code <fqdn>:3389} (client-IP affinity keeps a client on one VM);
     * empty on a Linux pool, whose stack program does not export it.
     */
    @Export(name = "remoteDesktopAddress", refs = String.class)
    public final Output<String> remoteDesktopAddress;
    /**
     * A Windows pool's per-VM Remote Desktop frontend ports ({@code first-last}: one port per VM, to reach a given
     * VM again); empty on a Linux pool.
     */
    @Export(name = "rdpNatPortRange", refs = String.class)
    public final Output<String> rdpNatPortRange;

    /** The pools on this pool's subnet, for {@link ExistingNetwork#subnetOf(DsvmPool)}. */
    final SubnetShare subnetShare;

    /**
     * Declares a pool with default resource options.
     *
     * @param name the pool's name: 1-20 lowercase letters, digits and hyphens, starting with a letter; it prefixes
     *             every child's logical name and the derived Azure names, and must be unique in the stack
     * @param args the pool's settings and secrets
     * @throws io.github.dsvmpool.problems.InvalidConfigurationException naming every invalid argument, before any
     *                                                                 child is declared
     */
    public DsvmPool(String name, DsvmPoolArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    /**
     * Declares a pool.
     *
     * @param name    the pool's name: 1-20 lowercase letters, digits and hyphens, starting with a letter; it
     *                prefixes every child's logical name and the derived Azure names, and must be unique in the
     *                stack
     * @param args    the pool's settings and secrets
     * @param options resource options of the component (parent, providers, protect, ...)
     * @throws io.github.dsvmpool.problems.InvalidConfigurationException naming every invalid argument, before any
     *                                                                 child is declared
     */
    public DsvmPool(String name, DsvmPoolArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        PoolChildren children = PoolChildren.declare(this, name, args);
        this.resourceGroupName = children.resourceGroupName;
        this.publicIpAddress = children.publicIpAddress;
        this.fqdn = children.fqdn;
        this.jupyterHubUrl = children.jupyterHubUrl;
        this.sshCommand = children.sshCommand;
        this.sshNatPortRange = children.sshNatPortRange;
        this.jupyterHubNatPortRange = children.jupyterHubNatPortRange;
        this.shareUncPath = children.shareUncPath;
        this.storageAccountName = children.storageAccountName;
        this.scaleSetName = children.scaleSetName;
        this.scaleSetId = children.scaleSetId;
        this.loadBalancerName = children.loadBalancerName;
        this.adminUsername = children.adminUsername;
        this.outboundIpAddresses = children.outboundIpAddresses;
        this.adminPassword = children.adminPassword;
        this.subnetId = children.subnetId;
        this.sshHostPublicKey = children.sshHostPublicKey;
        this.sshKnownHostsLine = children.sshKnownHostsLine;
        this.remoteDesktopAddress = children.remoteDesktopAddress;
        this.rdpNatPortRange = children.rdpNatPortRange;
        this.subnetShare = children.subnetShare;
        registerOutputs(children.outputs());
    }
}
