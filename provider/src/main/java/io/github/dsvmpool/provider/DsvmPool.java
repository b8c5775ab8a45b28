package io.github.dsvmpool.provider;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.pool.DsvmPoolArgs;
import io.github.dsvmpool.pool.PoolChildren;
import java.util.List;

/**
 * {@code dsvm-pool:index:DsvmPool} as the component package serves it to every Pulumi language (TypeScript,
 * Python, Go, C#, YAML): one constructor of the shape the SDK's {@code ComponentProvider} constructs, with
 * {@link PoolInputs}. It declares the pool's resources as its own children ({@link PoolChildren}, the body of the
 * library's {@link io.github.dsvmpool.pool.DsvmPool}): one component of this type per pool, as from Java. Java
 * programs use the library's class directly.
 */
@Description("A shared, autoscaling pool of Azure Data Science VMs behind one load balancer (SSH and JupyterHub), every VM mounting the same Azure Files share; it can scale to zero at night.")
public final class DsvmPool extends ComponentResource {
    @Description("The resource group holding the pool.")
    @Export(name = "resourceGroupName", refs = String.class)
    public final Output<String> resourceGroupName;
    @Description("The public IP address of the load balancer.")
    @Export(name = "publicIpAddress", refs = String.class)
    public final Output<String> publicIpAddress;
    @Description("The DNS name of the load balancer.")
    @Export(name = "fqdn", refs = String.class)
    public final Output<String> fqdn;
    @Description("The URL of JupyterHub through the pool entry.")
    @Export(name = "jupyterHubUrl", refs = String.class)
    public final Output<String> jupyterHubUrl;
    @Description("The ssh command that reaches any VM through the pool entry.")
    @Export(name = "sshCommand", refs = String.class)
    public final Output<String> sshCommand;
    @Description("The frontend port range of the per-VM SSH ports (one port per VM).")
    @Export(name = "sshNatPortRange", refs = String.class)
    public final Output<String> sshNatPortRange;
    @Description("The frontend port range of the per-VM JupyterHub ports (one port per VM).")
    @Export(name = "jupyterHubNatPortRange", refs = String.class)
    public final Output<String> jupyterHubNatPortRange;
    @Description("The workspace share as a UNC path.")
    @Export(name = "shareUncPath", refs = String.class)
    public final Output<String> shareUncPath;
    @Description("The storage account's Azure name.")
    @Export(name = "storageAccountName", refs = String.class)
    public final Output<String> storageAccountName;
    @Description("The scale set's Azure name.")
    @Export(name = "scaleSetName", refs = String.class)
    public final Output<String> scaleSetName;
    @Description("The scale set's id.")
    @Export(name = "scaleSetId", refs = String.class)
    public final Output<String> scaleSetId;
    @Description("The load balancer's Azure name.")
    @Export(name = "loadBalancerName", refs = String.class)
    public final Output<String> loadBalancerName;
    @Description("The VMs' admin account.")
    @Export(name = "adminUsername", refs = String.class)
    public final Output<String> adminUsername;
    @Description("The addresses the VMs' outbound traffic leaves from.")
    @Export(name = "outboundIpAddresses", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> outboundIpAddresses;
    @Description("The subnet the VMs are on, for another pool's existingSubnetId.")
    @Export(name = "subnetId", refs = String.class)
    public final Output<String> subnetId;
    @Description("The admin account's password, given or generated: always a secret.")
    @Export(name = "adminPassword", refs = String.class)
    public final Output<String> adminPassword;
    @Description("The pool's SSH host key, the same on every VM (ssh-ed25519 ...).")
    @Export(name = "sshHostPublicKey", refs = String.class)
    public final Output<String> sshHostPublicKey;
    @Description("The line users add to ~/.ssh/known_hosts: the pool's name and address on every port.")
    @Export(name = "sshKnownHostsLine", refs = String.class)
    public final Output<String> sshKnownHostsLine;
    @Description("A Windows pool's Remote Desktop entry, <fqdn>:3389; empty on Linux.")
    @Export(name = "remoteDesktopAddress", refs = String.class)
    public final Output<String> remoteDesktopAddress;
    @Description("A Windows pool's per-VM Remote Desktop frontend ports, first-last; empty on Linux.")
    @Export(name = "rdpNatPortRange", refs = String.class)
    public final Output<String> rdpNatPortRange;

    /**
     * Declares the pool from the package's inputs.
     *
     * @param name    the pool's name (1-20 lowercase letters, digits, hyphens, starting with a letter)
     * @param args    the inputs
     * @param options resource options
     */
    public DsvmPool(String name, PoolInputs args, ComponentResourceOptions options) {
        super(io.github.dsvmpool.pool.DsvmPool.TYPE, name, options);
        var children = PoolChildren.declare(this, name, checked(name, args));
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
        this.subnetId = children.subnetId;
        this.adminPassword = children.adminPassword;
        this.sshHostPublicKey = children.sshHostPublicKey;
        this.sshKnownHostsLine = children.sshKnownHostsLine;
        this.remoteDesktopAddress = children.remoteDesktopAddress;
        this.rdpNatPortRange = children.rdpNatPortRange;
        registerOutputs(children.outputs());
    }

    /** Every problem with the inputs at once, before any resource is declared. */
    private static DsvmPoolArgs checked(String name, PoolInputs args) {
        var problems = new Problems();
        var poolArgs = PoolInputsConverter.convert(args, problems);
        problems.throwIfAny("DsvmPool '" + name + "'");
        return poolArgs;
    }
}
