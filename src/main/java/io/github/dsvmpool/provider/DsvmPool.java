package io.github.dsvmpool.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.dsvmpool.config.Problems;
import java.util.List;
import java.util.Map;

/**
 * {@code dsvm-pool:index:DsvmPool} as the component package serves it to every Pulumi language (TypeScript,
 * Python, Go, C#, YAML): one constructor of the shape the SDK's {@code ComponentProvider} constructs, with
 * {@link PoolInputs}; it declares the library's {@link io.github.dsvmpool.pool.DsvmPool} as its only child and
 * exports its outputs. Java programs use the library's class directly.
 */
public final class DsvmPool extends ComponentResource {
    /** The resource group holding the pool. */
    @Export(name = "resourceGroupName", refs = String.class)
    public final Output<String> resourceGroupName;
    /** The public IP address of the load balancer. */
    @Export(name = "publicIpAddress", refs = String.class)
    public final Output<String> publicIpAddress;
    /** The DNS name of the load balancer. */
    @Export(name = "fqdn", refs = String.class)
    public final Output<String> fqdn;
    /** JupyterHub through the pool entry. */
    @Export(name = "jupyterHubUrl", refs = String.class)
    public final Output<String> jupyterHubUrl;
    /** SSH to any VM through the pool entry. */
    @Export(name = "sshCommand", refs = String.class)
    public final Output<String> sshCommand;
    /** Per-VM SSH frontend ports. */
    @Export(name = "sshNatPortRange", refs = String.class)
    public final Output<String> sshNatPortRange;
    /** Per-VM JupyterHub frontend ports. */
    @Export(name = "jupyterHubNatPortRange", refs = String.class)
    public final Output<String> jupyterHubNatPortRange;
    /** The share as a UNC path. */
    @Export(name = "shareUncPath", refs = String.class)
    public final Output<String> shareUncPath;
    /** The storage account's Azure name. */
    @Export(name = "storageAccountName", refs = String.class)
    public final Output<String> storageAccountName;
    /** The scale set's Azure name. */
    @Export(name = "scaleSetName", refs = String.class)
    public final Output<String> scaleSetName;
    /** The scale set's id. */
    @Export(name = "scaleSetId", refs = String.class)
    public final Output<String> scaleSetId;
    /** The load balancer's Azure name. */
    @Export(name = "loadBalancerName", refs = String.class)
    public final Output<String> loadBalancerName;
    /** The VMs' admin account. */
    @Export(name = "adminUsername", refs = String.class)
    public final Output<String> adminUsername;
    /** The addresses the VMs' outbound traffic leaves from. */
    @Export(name = "outboundIpAddresses", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> outboundIpAddresses;
    /** The subnet the VMs are on, for another pool's {@code existingSubnetId}. */
    @Export(name = "subnetId", refs = String.class)
    public final Output<String> subnetId;
    /** The admin account's password, given or generated: always a secret. */
    @Export(name = "adminPassword", refs = String.class)
    public final Output<String> adminPassword;
    /** The pool's SSH host key, the same on every VM ({@code ssh-ed25519 ...}). */
    @Export(name = "sshHostPublicKey", refs = String.class)
    public final Output<String> sshHostPublicKey;
    /** The line users add to {@code ~/.ssh/known_hosts}: the pool's name and address on every port. */
    @Export(name = "sshKnownHostsLine", refs = String.class)
    public final Output<String> sshKnownHostsLine;

    /**
     * Declares the pool from the package's inputs.
     *
     * @param name    the pool's name (1-20 lowercase letters, digits, hyphens, starting with a letter)
     * @param args    the inputs
     * @param options resource options
     */
    public DsvmPool(String name, PoolInputs args, ComponentResourceOptions options) {
        super(io.github.dsvmpool.pool.DsvmPool.TYPE, name, options);
        var problems = new Problems();
        var poolArgs = PoolInputsConverter.convert(args, problems);
        problems.throwIfAny("DsvmPool '" + name + "'");
        var pool = new io.github.dsvmpool.pool.DsvmPool(name, poolArgs,
                ComponentResourceOptions.builder().parent(this).build());
        this.resourceGroupName = pool.resourceGroupName;
        this.publicIpAddress = pool.publicIpAddress;
        this.fqdn = pool.fqdn;
        this.jupyterHubUrl = pool.jupyterHubUrl;
        this.sshCommand = pool.sshCommand;
        this.sshNatPortRange = pool.sshNatPortRange;
        this.jupyterHubNatPortRange = pool.jupyterHubNatPortRange;
        this.shareUncPath = pool.shareUncPath;
        this.storageAccountName = pool.storageAccountName;
        this.scaleSetName = pool.scaleSetName;
        this.scaleSetId = pool.scaleSetId;
        this.loadBalancerName = pool.loadBalancerName;
        this.adminUsername = pool.adminUsername;
        this.outboundIpAddresses = pool.outboundIpAddresses;
        this.subnetId = pool.subnetId;
        this.adminPassword = pool.adminPassword;
        this.sshHostPublicKey = pool.sshHostPublicKey;
        this.sshKnownHostsLine = pool.sshKnownHostsLine;
        registerOutputs(Map.ofEntries(
                Map.entry("resourceGroupName", resourceGroupName), Map.entry("publicIpAddress", publicIpAddress),
                Map.entry("fqdn", fqdn), Map.entry("jupyterHubUrl", jupyterHubUrl),
                Map.entry("sshCommand", sshCommand), Map.entry("sshNatPortRange", sshNatPortRange),
                Map.entry("jupyterHubNatPortRange", jupyterHubNatPortRange), Map.entry("shareUncPath", shareUncPath),
                Map.entry("storageAccountName", storageAccountName), Map.entry("scaleSetName", scaleSetName),
                Map.entry("scaleSetId", scaleSetId), Map.entry("loadBalancerName", loadBalancerName),
                Map.entry("adminUsername", adminUsername), Map.entry("outboundIpAddresses", outboundIpAddresses),
                Map.entry("subnetId", subnetId), Map.entry("adminPassword", adminPassword),
                Map.entry("sshHostPublicKey", sshHostPublicKey), Map.entry("sshKnownHostsLine", sshKnownHostsLine)));
    }
}
