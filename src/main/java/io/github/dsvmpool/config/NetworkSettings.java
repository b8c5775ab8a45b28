package io.github.dsvmpool.config;

import java.util.List;

/**
 * The pool's network. Inbound SSH and JupyterHub are allowed only from {@code allowedSourceRanges}; the open
 * internet only when {@code allowOpenInternet} says so explicitly (never in production).
 */
public record NetworkSettings(String addressSpace, String subnetPrefix, List<String> allowedSourceRanges,
                              boolean allowOpenInternet) {
    public NetworkSettings {
        allowedSourceRanges = List.copyOf(allowedSourceRanges);
    }
}
