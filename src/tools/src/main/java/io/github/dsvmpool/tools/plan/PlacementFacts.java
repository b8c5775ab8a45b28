package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The summary's zone and Trusted Launch rows, read from what the program declared (not from the settings). */
final class PlacementFacts {
    static final String SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";
    static final String PUBLIC_IP = "azure-native:network:PublicIPAddress";

    private PlacementFacts() {
    }

    /** e.g. {@code zones 1, 2, 3 (balanced); public IPs zone-redundant}, or {@code none (regional)}. */
    static String zones(Plan plan) {
        List<String> scaleSetZones = plan.ofType(SCALE_SET).stream().findFirst()
                .map(scaleSet -> strings(scaleSet.inputs().get("zones"))).orElse(List.of());
        if (scaleSetZones.isEmpty()) {
            return "none (regional)";
        }
        boolean balanced = plan.ofType(SCALE_SET).stream().anyMatch(scaleSet ->
                scaleSet.inputs().has("zoneBalance") && scaleSet.inputs().get("zoneBalance").getAsBoolean());
        long redundant = plan.ofType(PUBLIC_IP).stream().filter(ip -> strings(ip.inputs().get("zones")).size() > 1)
                .count();
        return "scale set in zones " + String.join(", ", scaleSetZones) + (balanced ? " (balanced)" : "") + "; "
                + redundant + " of " + plan.ofType(PUBLIC_IP).size() + " public IPs zone-redundant";
    }

    /** e.g. {@code Secure Boot and vTPM}, or {@code off}. */
    static String trustedLaunch(Plan plan) {
        return plan.ofType(SCALE_SET).stream().findFirst().map(scaleSet -> {
            JsonElement profile = scaleSet.inputs().has("virtualMachineProfile")
                    ? scaleSet.inputs().getAsJsonObject("virtualMachineProfile").get("securityProfile") : null;
            if (profile == null || !profile.isJsonObject()) {
                return "off";
            }
            JsonObject uefi = profile.getAsJsonObject().has("uefiSettings")
                    ? profile.getAsJsonObject().getAsJsonObject("uefiSettings") : new JsonObject();
            boolean secureBoot = uefi.has("secureBootEnabled") && uefi.get("secureBootEnabled").getAsBoolean();
            boolean vTpm = uefi.has("vTpmEnabled") && uefi.get("vTpmEnabled").getAsBoolean();
            return (secureBoot ? "Secure Boot" : "no Secure Boot") + ", " + (vTpm ? "vTPM" : "no vTPM");
        }).orElse("no scale set");
    }

    private static List<String> strings(JsonElement element) {
        var values = new ArrayList<String>();
        if (element != null && element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> values.add(item.getAsString()));
        }
        return values;
    }
}
