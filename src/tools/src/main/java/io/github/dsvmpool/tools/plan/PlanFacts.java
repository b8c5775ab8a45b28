package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import io.github.dsvmpool.stackconfig.StackSettings;
import io.github.dsvmpool.plans.NatPortPlan;
import io.github.dsvmpool.plans.OutboundPlan;
import io.github.dsvmpool.plans.PortRange;
import io.github.dsvmpool.plans.autoscale.AutoscalePlan;
import io.github.dsvmpool.plans.autoscale.OutsideWorkingHours;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The key facts of one plan for a reviewer. {@code scheduleCeiling} is the most VMs the schedule allows;
 * {@code maximumInstances} ({@code maxInstanceCount}) only sizes the per-VM port ranges, the subnet and outbound.
 * The facts come from the validated settings (the decisions, through the same
 * classes the program asks) and the plan (what was actually declared: protection, counts, autoscale profiles).
 * {@code outsideWorkingHours} says which profiles keep VMs up at night or at the weekend (and what each fixed
 * date keeps). {@code windowsAccess} is a Windows pool's Remote Desktop (empty for Linux). Also the input of a
 * {@link CostSection}.
 */
public record PlanFacts(String project, String stack, String poolName, String location, boolean production,
                        String vmSize, int minimumInstances, int initialInstances, int scheduleCeiling,
                        int maximumInstances, String outbound,
                        PortRange sshNatPorts, PortRange jupyterHubNatPorts, List<String> allowedSourceRanges,
                        boolean openToInternet, String subnetPrefix, String shareName, int shareQuotaGiB,
                        String shareProtocol, String storageSku, List<String> protectedResources,
                        List<String> retainedResources, List<String> autoscaleProfiles,
                        List<String> outsideWorkingHours, Map<String, Long> countsByType, int resourceCount,
                        java.util.Optional<io.github.dsvmpool.plans.WindowsAccessPlan> windowsAccess) {

    static final String AUTOSCALE_TYPE = "azure-native:insights:AutoscaleSetting";

    public PlanFacts {
        allowedSourceRanges = List.copyOf(allowedSourceRanges);
        protectedResources = List.copyOf(protectedResources);
        retainedResources = List.copyOf(retainedResources);
        autoscaleProfiles = List.copyOf(autoscaleProfiles);
        outsideWorkingHours = List.copyOf(outsideWorkingHours);
        countsByType = Map.copyOf(countsByType);
    }

    public static PlanFacts of(StackSettings settings, Plan plan) {
        var pool = settings.pool();
        var counts = pool.scaleSet().instanceCounts();
        var storage = pool.storage();
        var schedule = AutoscalePlan.of(pool.schedule());
        return new PlanFacts(plan.project(), plan.stack(), settings.poolName(), pool.location(), pool.production(),
                pool.scaleSet().vmSize(), lowestFloor(schedule), counts.initial(), highestCeiling(schedule),
                counts.maximum(), OutboundPlan.forPool(pool).describe(),
                NatPortPlan.range(pool.loadBalancer().sshNatFirstPort()),
                NatPortPlan.range(pool.loadBalancer().jupyterNatFirstPort()),
                pool.network().allowedSourceRanges(), pool.network().allowOpenInternet(),
                pool.network().subnetPrefix(), storage.shareName(), storage.shareQuotaGiB(),
                storage.protocol().name(), storage.sku(),
                described(plan, PlannedResource::protect), described(plan, PlannedResource::retainOnDelete),
                autoscaleProfiles(plan), OutsideWorkingHours.describe(schedule.profiles()), plan.countsByType(),
                plan.resources().size(), pool.operatingSystem().windows()
                        ? java.util.Optional.of(new io.github.dsvmpool.plans.WindowsAccessPlan(
                                pool.operatingSystem().rdpNatFirstPort()))
                        : java.util.Optional.empty());
    }

    /** The smallest floor the pool can reach: the lowest minimum of the profiles it follows. */
    private static int lowestFloor(AutoscalePlan schedule) {
        return schedule.profiles().stream()
                .mapToInt(profile -> profile.capacity().minimum()).min().orElse(0);
    }

    /** The largest count the schedule lets autoscale reach: what the pool really costs at its busiest. */
    private static int highestCeiling(AutoscalePlan schedule) {
        return schedule.profiles().stream()
                .mapToInt(profile -> profile.capacity().maximum()).max().orElse(0);
    }

    private static List<String> described(Plan plan, java.util.function.Predicate<PlannedResource> test) {
        return plan.resources().stream().filter(test).map(r -> shortType(r.type()) + " " + r.name()).toList();
    }

    /** Profile names of every autoscale setting, generic over however many profiles the program declares. */
    private static List<String> autoscaleProfiles(Plan plan) {
        var names = new ArrayList<String>();
        for (PlannedResource setting : plan.ofType(AUTOSCALE_TYPE)) {
            JsonElement profiles = setting.inputs().get("profiles");
            if (profiles != null && profiles.isJsonArray()) {
                for (JsonElement profile : profiles.getAsJsonArray()) {
                    JsonElement name = profile.isJsonObject() ? profile.getAsJsonObject().get("name") : null;
                    names.add(name == null || name.isJsonNull() ? "(unnamed)" : name.getAsString());
                }
            }
        }
        return names;
    }

    /** {@code azure-native:network:LoadBalancer} -> {@code LoadBalancer}. */
    static String shortType(String type) {
        return type.substring(type.lastIndexOf(':') + 1);
    }

    public long azureResourceCount() {
        return countsByType.entrySet().stream().filter(entry -> entry.getKey().startsWith("azure-native:"))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
