package io.github.dsvmpool.config;

import java.util.List;

/**
 * The pool's network. Inbound SSH and JupyterHub are allowed only from {@code allowedSourceRanges}; the open
 * internet only when {@code allowOpenInternet} says so explicitly (never in production).
 *
 * @param addressSpace        the VNet's IPv4 CIDR, host bits zero; default {@code 10.0.0.0/16}
 * @param subnetPrefix        the pool's subnet inside {@code addressSpace}, holding {@code maxInstanceCount} + 5
 *                            addresses Azure reserves; default {@code 10.0.0.0/24}
 * @param allowedSourceRanges IPv4 addresses or CIDRs allowed to reach SSH and JupyterHub; required unless
 *                            {@code allowOpenInternet}; {@code 0.0.0.0/0} is refused
 * @param allowOpenInternet   admits the whole internet (tag {@code Internet}); default false, refused in production
 */
public record NetworkSettings(String addressSpace, String subnetPrefix, List<String> allowedSourceRanges,
                              boolean allowOpenInternet) {
    /**
     * Copies {@code allowedSourceRanges}; validation is {@code PoolSettingsValidator}'s job (package plans).
     *
     * @param addressSpace        see the record component {@code addressSpace}
     * @param subnetPrefix        see the record component {@code subnetPrefix}
     * @param allowedSourceRanges see the record component {@code allowedSourceRanges}
     * @param allowOpenInternet   see the record component {@code allowOpenInternet}
     */
    public NetworkSettings {
        allowedSourceRanges = List.copyOf(allowedSourceRanges);
    }
}
