package io.github.dsvmpool.pool;

import com.pulumi.core.Output;
import java.util.Objects;
import java.util.Optional;

/**
 * An existing subnet for a pool to join instead of declaring its own virtual network and subnet: another pool's
 * ({@link #subnetOf(DsvmPool)}) or one managed elsewhere ({@link #subnet(Output, String)}). Give it to
 * {@link DsvmPoolArgs.Builder#network(ExistingNetwork)}.
 *
 * <p>A joining pool declares its own network security group on its VMs' network interfaces (the subnet's own NSG,
 * if any, applies as well: traffic must pass both), its own load balancer and its own storage account. It cannot
 * attach a NAT gateway to a subnet it does not own, so its outbound design must be a load-balancer outbound rule
 * ({@code outboundType} {@code auto} within the entry address's budget, or {@code loadBalancer}); a pool whose
 * subnet carries another pool's NAT gateway cannot be joined. The subnet must hold every pool on it: the
 * component refuses, before it declares anything, a subnet too small for the pools that use it. With
 * {@code restrictStorageToSubnet} (the default) the subnet needs the {@code Microsoft.Storage} service endpoint
 * (a pool's own subnet has it). A pool with a Key Vault and {@code restrictKeyVaultToSubnet} (the default) admits the
 * subnet in the vault's network rules, so the subnet needs the {@code Microsoft.KeyVault} service endpoint too: a
 * pool's own subnet has it; a subnet managed elsewhere must get it from its owner before the pool is deployed
 * (Azure refuses the vault's rule otherwise), or the pool sets {@code restrictKeyVaultToSubnet: false}.
 *
 * <p>The pool does not change a subnet it joins: a pool's own subnet is private ({@code defaultOutboundAccess:
 * false}), a subnet managed elsewhere stays as its owner made it (its VMs leave through this pool's outbound rule
 * either way, which Azure uses instead of default outbound access).
 */
public final class ExistingNetwork {
    private final Output<String> subnetId;
    private final String subnetPrefix;
    private final Optional<DsvmPool> pool;
    /** Every pool of this program on the subnet, counted together against its size. */
    final SubnetShare share;

    private ExistingNetwork(Output<String> subnetId, String subnetPrefix, Optional<DsvmPool> pool,
                            SubnetShare share) {
        this.subnetId = Objects.requireNonNull(subnetId, "subnetId");
        this.subnetPrefix = subnetPrefix;
        this.pool = pool;
        this.share = share;
    }

    /**
     * Another pool's subnet, shared: this pool's VMs join it, and the subnet must hold the maxima of every pool
     * on it together (the first pool's {@code subnetPrefix}).
     *
     * @param pool a pool of this program; when it joined a subnet itself, that subnet is meant
     * @return the pool's subnet
     */
    public static ExistingNetwork subnetOf(DsvmPool pool) {
        Objects.requireNonNull(pool, "pool");
        return new ExistingNetwork(pool.subnetId, pool.subnetShare.prefix(), Optional.of(pool), pool.subnetShare);
    }

    /**
     * A subnet managed outside this program (another stack, the platform team).
     *
     * @param subnetId     the subnet's ARM id,
     *                     {@code /subscriptions/.../resourceGroups/.../providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>}
     * @param subnetPrefix the subnet's address prefix (IPv4 CIDR) as Azure reports it, used to refuse a subnet too
     *                     small for the pool before anything is declared; it must hold {@code maxInstanceCount} VMs
     *                     plus 5 addresses Azure reserves, besides whatever else uses it
     * @return the subnet
     */
    public static ExistingNetwork subnet(Output<String> subnetId, String subnetPrefix) {
        return new ExistingNetwork(subnetId, subnetPrefix, Optional.empty(), SubnetShare.external(subnetPrefix));
    }

    /**
     * A subnet managed outside this program, by its plain ARM id.
     *
     * @param subnetId     the subnet's ARM id
     * @param subnetPrefix the subnet's address prefix (IPv4 CIDR), see {@link #subnet(Output, String)}
     * @return the subnet
     */
    public static ExistingNetwork subnet(String subnetId, String subnetPrefix) {
        return subnet(Output.of(Objects.requireNonNull(subnetId, "subnetId")), subnetPrefix);
    }

    /**
     * The subnet's id.
     *
     * @return the ARM id (an output when it comes from another resource)
     */
    public Output<String> subnetId() {
        return subnetId;
    }

    /**
     * The subnet's address prefix as given or as the owning pool declared it.
     *
     * @return an IPv4 CIDR
     */
    public String subnetPrefix() {
        return subnetPrefix;
    }

    /**
     * The pool that owns the subnet, when it is another pool's.
     *
     * @return the owning pool, or empty for an external subnet
     */
    public Optional<DsvmPool> pool() {
        return pool;
    }
}
