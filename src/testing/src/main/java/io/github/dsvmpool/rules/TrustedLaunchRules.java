package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.plans.VmSizes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Trusted Launch needs a Gen2 image and a size that supports it. */
final class TrustedLaunchRules {

    private TrustedLaunchRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("trusted-launch-size",
                        "A scale set with securityType TrustedLaunch uses a size that supports it: by the project's"
                                + " size list (Learn's Trusted Launch size families); unlisted sizes are not judged",
                        "Learn \"Trusted Launch for Azure virtual machines\" (Virtual machines sizes);"
                                + " Azure/azure-cli issue 28005",
                        "BadRequest (\"The VM size ... is not supported for creation of VMs and Virtual Machine"
                                + " Scale Set with 'TrustedLaunch' security type\")", Basis.CONFIRMED,
                        TrustedLaunchRules::size),
                new AzureRule("trusted-launch-gen2-image",
                        "A scale set with securityType TrustedLaunch uses no Generation 1 marketplace image (a SKU"
                                + " naming gen1, or the DSVM's Gen1 SKU 2204); other images are not judged",
                        "Learn \"Trusted Launch for Azure virtual machines\" (Generation 2 VMs); Azure/azure-cli"
                                + " issues 17599 and 28005",
                        "BadRequest (\"Use of TrustedLaunch setting is not supported for the provided image\")",
                        Basis.CONFIRMED, TrustedLaunchRules::image));
    }

    private static boolean trustedLaunch(Registration scaleSet) {
        Map<String, Object> profile = Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                "securityProfile");
        return Values.equalsIgnoreCase(Values.string(profile, "securityType"), "TrustedLaunch");
    }

    private static void size(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Optional<String> size = ResourceGraph.skuName(scaleSet);
            if (trustedLaunch(scaleSet) && size.flatMap(VmSizes::trustedLaunch).equals(Optional.of(false))) {
                findings.add(scaleSet, "virtualMachineProfile.securityProfile.securityType", "Trusted Launch on "
                                + size.get() + ", a size without it",
                        "choose a size that supports it, such as " + VmSizes.trustedLaunchExamples()
                                + ", or leave the securityProfile out");
            }
        }
    }

    private static void image(ResourceGraph graph, Findings findings) {
        for (Registration scaleSet : graph.ofType(ResourceGraph.SCALE_SET)) {
            Map<String, Object> image = Values.map(Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"),
                    "storageProfile"), "imageReference");
            if (!trustedLaunch(scaleSet) || image.containsKey("id")) {
                continue;
            }
            var reference = new io.github.dsvmpool.config.ImageReference(Values.stringOr(image, "publisher", ""),
                    Values.stringOr(image, "offer", ""), Values.stringOr(image, "sku", ""),
                    Values.stringOr(image, "version", ""));
            if (reference.generation().equals(Optional.of(1))) {
                findings.add(scaleSet, "virtualMachineProfile.storageProfile.imageReference.sku", "Trusted Launch"
                                + " with the Generation 1 image " + reference.sku(),
                        "use the image's Gen2 SKU (e.g. 2204-gen2), or leave the securityProfile out");
            }
        }
    }
}
