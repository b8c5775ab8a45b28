package io.github.dsvmpool.offline;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A committed {@code Pulumi.<stack>.yaml}, read the way the Pulumi engine hands it to a program: every value a
 * string, structured values as JSON text, {@code secure:} values listed as secret keys.
 *
 * @param config     full keys ({@code dsvm-pool:maxInstanceCount}) to values
 * @param secretKeys full keys whose values are encrypted in the file
 */
public record StackFile(String stackName, Map<String, String> config, Set<String> secretKeys) {

    public StackFile {
        config = Map.copyOf(config);
        secretKeys = Set.copyOf(secretKeys);
    }

    public static StackFile read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (!fileName.matches("Pulumi\\.[A-Za-z0-9_.-]+\\.yaml")) {
            throw new IOException(file + " is not a stack file (Pulumi.<stack>.yaml)");
        }
        String stackName = fileName.substring("Pulumi.".length(), fileName.length() - ".yaml".length());
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        var config = new LinkedHashMap<String, String>();
        var secretKeys = new TreeSet<String>();
        if (document instanceof Map<?, ?> root && root.get("config") instanceof Map<?, ?> values) {
            for (var entry : values.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object value = entry.getValue();
                if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure")) {
                    secretKeys.add(key);
                    config.put(key, String.valueOf(map.get("secure")));
                } else {
                    config.put(key, value instanceof Map<?, ?> || value instanceof Iterable<?>
                            ? new Gson().toJson(value) : String.valueOf(value));
                }
            }
        } else if (document != null && !(document instanceof Map<?, ?>)) {
            throw new IOException(file + " must be a YAML mapping with a 'config' section");
        }
        return new StackFile(stackName, config, secretKeys);
    }

    /** This file with {@code key} set to a secret value, as `pulumi config set --secret` would do. */
    public StackFile withSecret(String key, String value) {
        var newConfig = new LinkedHashMap<>(config);
        newConfig.put(key, value);
        var newSecrets = new TreeSet<>(secretKeys);
        newSecrets.add(key);
        return new StackFile(stackName, newConfig, newSecrets);
    }

    /** This file with {@code key} set in plain text, or removed when {@code value} is null. */
    public StackFile with(String key, String value) {
        var newConfig = new LinkedHashMap<>(config);
        if (value == null) {
            newConfig.remove(key);
        } else {
            newConfig.put(key, value);
        }
        return new StackFile(stackName, newConfig, secretKeys);
    }
}
