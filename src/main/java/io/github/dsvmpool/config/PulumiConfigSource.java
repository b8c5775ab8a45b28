package io.github.dsvmpool.config;

import com.google.gson.JsonParser;
import com.pulumi.Config;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Stack configuration as the Pulumi engine hands it to the program. */
public final class PulumiConfigSource implements ConfigSource {
    /** The engine passes the whole stack configuration to the program in this variable, as JSON. */
    static final String ENGINE_CONFIG_VARIABLE = "PULUMI_CONFIG";

    private final Config config;
    private final String namespace;
    private final Optional<String> engineConfig;

    public PulumiConfigSource(Config config, String namespace) {
        this(config, namespace, Optional.ofNullable(System.getenv(ENGINE_CONFIG_VARIABLE)));
    }

    PulumiConfigSource(Config config, String namespace, Optional<String> engineConfig) {
        this.config = config;
        this.namespace = namespace;
        this.engineConfig = engineConfig;
    }

    @Override
    public Optional<String> get(String key) {
        return config.get(key);
    }

    /** Lists this project's keys from the engine's configuration, so that misspelt keys are caught. */
    @Override
    public Optional<Set<String>> keys() {
        return engineConfig.map(json -> JsonParser.parseString(json).getAsJsonObject().keySet().stream()
                .filter(key -> key.startsWith(namespace + ":"))
                .map(key -> key.substring(namespace.length() + 1))
                .collect(Collectors.toSet()));
    }
}
