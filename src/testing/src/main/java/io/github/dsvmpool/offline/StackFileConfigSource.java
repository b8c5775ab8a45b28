package io.github.dsvmpool.offline;

import io.github.dsvmpool.stackconfig.ConfigSource;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A stack file's configuration in one project's namespace, for tools that read it without the engine. */
public record StackFileConfigSource(StackFile stack, String namespace) implements ConfigSource {

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(stack.config().get(namespace + ":" + key));
    }

    @Override
    public Optional<Set<String>> keys() {
        return Optional.of(inNamespace(stack.config().keySet()));
    }

    @Override
    public Set<String> secretKeys() {
        return inNamespace(stack.secretKeys());
    }

    @Override
    public Optional<Set<String>> otherKeys() {
        return Optional.of(stack.config().keySet().stream().filter(key -> !key.startsWith(namespace + ":"))
                .collect(Collectors.toSet()));
    }

    private Set<String> inNamespace(Set<String> fullKeys) {
        return fullKeys.stream()
                .filter(key -> key.startsWith(namespace + ":"))
                .map(key -> key.substring(namespace.length() + 1))
                .collect(Collectors.toSet());
    }
}
