package io.github.dsvmpool.stackconfig;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.Config;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stack configuration as the Pulumi engine hands it to the program: {@code PULUMI_CONFIG} holds every key with
 * its value (secrets decrypted), {@code PULUMI_CONFIG_SECRET_KEYS} the keys that are secret (a JSON array).
 */
public final class PulumiConfigSource implements ConfigSource {
    /** The engine passes the whole stack configuration to the program in this variable, as JSON. */
    static final String ENGINE_CONFIG_VARIABLE = "PULUMI_CONFIG";
    /** The engine lists the full keys of secret values here, as a JSON array. */
    static final String ENGINE_SECRET_KEYS_VARIABLE = "PULUMI_CONFIG_SECRET_KEYS";

    private final Config config;
    private final String namespace;
    private final Optional<String> engineConfig;
    private final Optional<String> engineSecretKeys;

    public PulumiConfigSource(Config config, String namespace) {
        this(config, namespace, Optional.ofNullable(System.getenv(ENGINE_CONFIG_VARIABLE)),
                Optional.ofNullable(System.getenv(ENGINE_SECRET_KEYS_VARIABLE)));
    }

    PulumiConfigSource(Config config, String namespace, Optional<String> engineConfig,
                       Optional<String> engineSecretKeys) {
        this.config = config;
        this.namespace = namespace;
        this.engineConfig = engineConfig;
        this.engineSecretKeys = engineSecretKeys;
    }

    @Override
    public Optional<String> get(String key) {
        return config.get(key);
    }

    /** Lists this project's keys from the engine's configuration, so that misspelt keys are caught. */
    @Override
    public Optional<Set<String>> keys() {
        return allKeys().map(keys -> keys.stream().filter(this::inNamespace).map(this::shortKey)
                .collect(Collectors.toSet()));
    }

    @Override
    public Optional<Set<String>> otherKeys() {
        return allKeys().map(keys -> keys.stream().filter(key -> !inNamespace(key)).collect(Collectors.toSet()));
    }

    /**
     * The project's secret keys. When the list cannot be read, every key counts as secret: a message then shows
     * no value at all rather than risk one.
     */
    @Override
    public Set<String> secretKeys() {
        if (engineSecretKeys.isEmpty()) {
            return Set.of();
        }
        try {
            var secret = new HashSet<String>();
            for (JsonElement key : JsonParser.parseString(engineSecretKeys.get()).getAsJsonArray()) {
                String fullKey = key.getAsString();
                if (inNamespace(fullKey)) {
                    secret.add(shortKey(fullKey));
                }
            }
            return secret;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException unreadable) {
            return keys().orElse(Set.of());
        }
    }

    private Optional<Set<String>> allKeys() {
        return engineConfig.map(json -> {
            try {
                return JsonParser.parseString(json).getAsJsonObject().keySet();
            } catch (JsonParseException | IllegalStateException unreadable) {
                return Set.of();
            }
        });
    }

    private boolean inNamespace(String fullKey) {
        return fullKey.startsWith(namespace + ":");
    }

    private String shortKey(String fullKey) {
        return fullKey.substring(namespace.length() + 1);
    }
}
