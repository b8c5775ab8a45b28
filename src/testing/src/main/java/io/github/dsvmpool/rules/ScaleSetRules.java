package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.plans.autoscale.IsoDurations;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scale set sizes and placement groups, and the terminate notification's delay. */
final class ScaleSetRules {
    static final long SINGLE_PLACEMENT_GROUP_LIMIT = 100;

    private ScaleSetRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("scale-set-placement-group",
                        "A scale set whose maximum size (the largest of sku.capacity and its autoscale profiles'"
                                + " capacity.maximum) exceeds 100 sets singlePlacementGroup: false",
                        "Learn \"Working with large virtual machine scale sets\"; hashicorp/terraform-azurerm-nomad"
                                + " issue 6; ansible/ansible issue 58220",
                        "OperationNotAllowed (\"exceeds the total limit of '100' Virtual Machine instances\")",
                        Basis.CONFIRMED, ScaleSetRules::placementGroup),
                new AzureRule("scale-set-size-limit",
                        "A scale set's maximum size is at most 1,000 instances",
                        "Learn \"Working with large virtual machine scale sets\" (0-1,000 VMs with multiple"
                                + " placement groups)",
                        "OperationNotAllowed (\"exceeds the total limit\")", Basis.CONFIRMED,
                        ScaleSetRules::sizeLimit),
                new AzureRule("spot-multiple-placement-groups",
                        "A scale set of Spot VMs sets singlePlacementGroup: false",
                        "Learn \"Use Azure Spot Virtual Machines in scale sets\" (\"strongly recommended\": a"
                                + " single placement group limits the capacity Spot VMs are drawn from)",
                        "none at deployment: Spot VMs are allocated or evicted more often", Basis.CONFIRMED,
                        ScaleSetRules::spotPlacement),
                new AzureRule("os-disk-delete-option-flexible-only",
                        "A Uniform scale set sets no virtualMachineProfile.storageProfile.osDisk.deleteOption",
                        "REST spec compute virtualMachineScaleSet.json (VirtualMachineScaleSetOSDisk.deleteOption:"
                                + " \"supported only for Flexible orchestration\"); Learn \"Delete a VM and its"
                                + " attached resources\"",
                        "unconfirmed (InvalidParameter or ignored)", Basis.INFERRED,
                        ScaleSetRules::osDiskDeleteOption),
                new AzureRule("terminate-notification-timeout",
                        "A scale set's scheduledEventsProfile.terminateNotificationProfile.notBeforeTimeout is an"
                                + " ISO-8601 duration from PT5M to PT15M",
                        "Learn \"Terminate notification for Azure Virtual Machine Scale Set instances\"",
                        "unconfirmed (InvalidParameter from Microsoft.Compute)", Basis.CONFIRMED,
                        ScaleSetRules::terminateNotification));
    }

    private static void placementGroup(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            long maximum = graph.maximumSize(scaleSet);
            boolean flexible = Values.equalsIgnoreCase(Values.string(scaleSet.inputs(), "orchestrationMode"),
                    "Flexible");
            boolean single = Values.bool(scaleSet.inputs(), "singlePlacementGroup").orElse(!flexible);
            if (maximum > SINGLE_PLACEMENT_GROUP_LIMIT && single) {
                findings.add(scaleSet, "singlePlacementGroup", "the scale set can grow to " + maximum
                                + " instances but keeps a single placement group"
                                + (scaleSet.inputs().containsKey("singlePlacementGroup") ? "" : " (the default)")
                                + ", which holds at most 100",
                        "set singlePlacementGroup: false (with a Standard load balancer)");
            }
        }
    }

    private static void spotPlacement(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            boolean spot = Values.equalsIgnoreCase(Values.string(Values.map(scaleSet.inputs(),
                    "virtualMachineProfile"), "priority"), "Spot");
            boolean flexible = Values.equalsIgnoreCase(Values.string(scaleSet.inputs(), "orchestrationMode"),
                    "Flexible");
            if (spot && Values.bool(scaleSet.inputs(), "singlePlacementGroup").orElse(!flexible)) {
                findings.add(scaleSet, "singlePlacementGroup", "the scale set runs Spot VMs in a single placement"
                                + " group" + (scaleSet.inputs().containsKey("singlePlacementGroup") ? "" : " (the default)"),
                        "set singlePlacementGroup: false");
            }
        }
    }

    private static void osDiskDeleteOption(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            boolean flexible = Values.equalsIgnoreCase(Values.string(scaleSet.inputs(), "orchestrationMode"),
                    "Flexible");
            var osDisk = Values.map(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "storageProfile"), "osDisk");
            if (!flexible && osDisk.containsKey("deleteOption")) {
                findings.add(scaleSet, "virtualMachineProfile.storageProfile.osDisk.deleteOption",
                        "a Uniform scale set sets the OS disk's deleteOption, documented for Flexible orchestration"
                                + " only", "leave deleteOption out (Uniform instances take their OS disks with them)");
            }
        }
    }

    private static void sizeLimit(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            long maximum = graph.maximumSize(scaleSet);
            if (maximum > AutoscaleLimits.LARGEST_POOL) {
                findings.add(scaleSet, "sku.capacity", "the scale set can grow to " + maximum
                                + " instances (sku.capacity or an autoscale profile's maximum), more than 1,000",
                        "keep sku.capacity and every autoscale capacity.maximum at or below 1,000, or split the"
                                + " pool into several scale sets");
            }
        }
    }

    private static void terminateNotification(ResourceGraph graph, Findings findings) {
        String lowest = IsoDurations.minutes(AutoscaleLimits.MIN_TERMINATE_NOTIFICATION_MINUTES);
        String highest = IsoDurations.minutes(AutoscaleLimits.MAX_TERMINATE_NOTIFICATION_MINUTES);
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Map<String, Object> profile = Values.map(Values.map(Values.map(scaleSet.inputs(),
                    "virtualMachineProfile"), "scheduledEventsProfile"), "terminateNotificationProfile");
            if (!profile.containsKey("notBeforeTimeout")) {
                continue;
            }
            Optional<String> timeout = Values.string(profile, "notBeforeTimeout");
            if (timeout.isEmpty() || !Durations.within(timeout.get(),
                    AutoscaleLimits.MIN_TERMINATE_NOTIFICATION_MINUTES,
                    AutoscaleLimits.MAX_TERMINATE_NOTIFICATION_MINUTES)) {
                findings.add(scaleSet, "virtualMachineProfile.scheduledEventsProfile.terminateNotificationProfile"
                                + ".notBeforeTimeout", "the terminate notification waits "
                                + timeout.orElse("(not a duration)") + ", outside " + lowest + "-" + highest,
                        "set notBeforeTimeout between " + lowest + " and " + highest + " (e.g. "
                                + IsoDurations.minutes(AutoscaleLimits.DEFAULT_TERMINATE_NOTIFICATION_MINUTES) + ")");
            }
        }
    }
}
