package io.github.dsvmpool.config;

import io.github.dsvmpool.problems.Problems;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One configuration setting, declared once in {@link SettingCatalog}: its key, type, default, limits and
 * description. The stack reader parses and applies it, the component package describes and converts it, and
 * docs/configuration.md is generated from it. Immutable; the {@code with}-style methods return a copy.
 *
 * @param <T> the type of its value ({@link Void} for settings read by their own code)
 */
public final class Setting<T> {
    /** What a value of the setting is, as the stack file and the component package's inputs give it. */
    public enum Kind {
        /** A string. */
        TEXT(String.class),
        /** {@code true} or {@code false}. */
        BOOLEAN(Boolean.class),
        /** A whole number. */
        INTEGER(Integer.class),
        /** One of a fixed set of words. */
        CHOICE(String.class),
        /** A list of strings. */
        TEXT_LIST(List.class),
        /** A map of names to strings. */
        TEXT_MAP(Map.class),
        /** A structured object with its own keys, or several keys read together. */
        OBJECT(Object.class);

        private final Class<?> inputType;

        Kind(Class<?> inputType) {
            this.inputType = inputType;
        }

        /**
         * The Java type of the component package's input for a setting of this kind.
         *
         * @return e.g. {@code Integer.class}
         */
        public Class<?> inputType() {
            return inputType;
        }
    }

    /**
     * A closed range of whole numbers with its unit, for the validator's messages.
     *
     * @param min  the smallest allowed value
     * @param max  the largest allowed value
     * @param unit appended to the message, e.g. {@code " minutes"}
     */
    public record Range(int min, int max, String unit) {
        /**
         * Records a problem named by the setting's key when the value is outside.
         *
         * @param key      the setting's key
         * @param value    the value
         * @param problems where the problem goes
         * @return whether the value is inside
         */
        public boolean check(String key, int value, Problems problems) {
            if (value < min || value > max) {
                problems.add(key, value, min + "-" + max + unit);
                return false;
            }
            return true;
        }
    }

    private final String key;
    private final SettingGroup group;
    private final Kind kind;
    private final Optional<T> defaultValue;
    private final String defaultText;
    private final String rule;
    private final Optional<Range> range;
    private final ConfigValues.Parser<T> parser;
    private final BiConsumer<PoolSettings.Builder, T> apply;

    private Setting(String key, SettingGroup group, Kind kind, Optional<T> defaultValue, String defaultText,
            String rule, Optional<Range> range, ConfigValues.Parser<T> parser, BiConsumer<PoolSettings.Builder, T> apply) {
        this.key = Objects.requireNonNull(key);
        this.group = Objects.requireNonNull(group);
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.rule = rule;
        this.range = range;
        this.parser = parser;
        this.apply = apply;
    }

    static Setting<String> text(String key, SettingGroup group, BiConsumer<PoolSettings.Builder, String> apply) {
        return new Setting<>(key, group, Kind.TEXT, Optional.empty(), "", "", Optional.empty(), ConfigValues::text, apply);
    }

    static Setting<Boolean> bool(String key, SettingGroup group, BiConsumer<PoolSettings.Builder, Boolean> apply) {
        return new Setting<>(key, group, Kind.BOOLEAN, Optional.empty(), "", "", Optional.empty(), ConfigValues::bool, apply);
    }

    static Setting<Integer> integer(String key, SettingGroup group, BiConsumer<PoolSettings.Builder, Integer> apply) {
        return new Setting<>(key, group, Kind.INTEGER, Optional.empty(), "", "", Optional.empty(), ConfigValues::integer,
                apply);
    }

    static Setting<List<String>> textList(String key, SettingGroup group,
            BiConsumer<PoolSettings.Builder, List<String>> apply) {
        return new Setting<>(key, group, Kind.TEXT_LIST, Optional.empty(), "", "", Optional.empty(),
                ConfigValues::stringList, apply);
    }

    static Setting<Map<String, String>> textMap(String key, SettingGroup group,
            BiConsumer<PoolSettings.Builder, Map<String, String>> apply) {
        return new Setting<>(key, group, Kind.TEXT_MAP, Optional.empty(), "", "", Optional.empty(),
                ConfigValues::stringMap, apply);
    }

    static <E extends Enum<E>> Setting<E> choice(String key, SettingGroup group, Class<E> type,
            BiConsumer<PoolSettings.Builder, E> apply) {
        return new Setting<>(key, group, Kind.CHOICE, Optional.empty(), "", "", Optional.empty(),
                ConfigValues.enumeration(type), apply);
    }

    static <O> Setting<O> object(String key, SettingGroup group, ConfigValues.Parser<O> parser,
            BiConsumer<PoolSettings.Builder, O> apply) {
        return new Setting<>(key, group, Kind.OBJECT, Optional.empty(), "", "", Optional.empty(), parser, apply);
    }

    /** A setting read by code of its own (a secret, a reference, keys read together); documented here. */
    static <V> Setting<V> documented(String key, SettingGroup group, Kind kind) {
        return new Setting<>(key, group, kind, Optional.empty(), "", "", Optional.empty(), null, null);
    }

    Setting<T> defaultValue(T value) {
        return new Setting<>(key, group, kind, Optional.of(value), "`" + value + "`", rule, range, parser, apply);
    }

    Setting<T> defaultText(String text) {
        return new Setting<>(key, group, kind, defaultValue, text, rule, range, parser, apply);
    }

    Setting<T> rule(String text) {
        return new Setting<>(key, group, kind, defaultValue, defaultText, text, range, parser, apply);
    }

    Setting<T> range(int min, int max, String unit) {
        return new Setting<>(key, group, kind, defaultValue, defaultText, rule, Optional.of(new Range(min, max, unit)),
                parser, apply);
    }

    /** @return the configuration key, also the builder method's and the component package input's name */
    public String key() {
        return key;
    }

    /** @return the section of docs/configuration.md it is listed in */
    public SettingGroup group() {
        return group;
    }

    /** @return what a value is */
    public Kind kind() {
        return kind;
    }

    /**
     * The default when it is one value; empty when it is derived (from {@code production}, the pool's name) or
     * there is none.
     *
     * @return the default value
     */
    public Optional<T> defaultValue() {
        return defaultValue;
    }

    /**
     * The literal default, for the builder's field initializers.
     *
     * @return the default
     * @throws IllegalStateException when the setting has no literal default
     */
    public T defaultOrThrow() {
        return defaultValue.orElseThrow(() -> new IllegalStateException(key + " has no literal default"));
    }

    /** @return the default in words (Markdown), as docs/configuration.md shows it */
    public String defaultText() {
        return defaultText;
    }

    /** @return the allowed values and limits in words (Markdown) */
    public String rule() {
        return rule;
    }

    /** @return the allowed range of a whole-number setting whose limits are one range */
    public Optional<Range> range() {
        return range;
    }

    /**
     * The range, for the validator.
     *
     * @return the range
     * @throws IllegalStateException when the setting has none
     */
    public Range rangeOrThrow() {
        return range.orElseThrow(() -> new IllegalStateException(key + " has no range"));
    }

    /** @return whether the stack reader and the component package read it with {@link #read} */
    public boolean readGenerically() {
        return parser != null && apply != null;
    }

    /**
     * Parses a value given as text (a stack file's value, or a component input written as JSON) and sets it on
     * the builder; a bad value becomes a problem named by the key.
     *
     * @param text     the value
     * @param builder  the settings being built
     * @param problems where problems go
     */
    public void read(String text, PoolSettings.Builder builder, Problems problems) {
        if (!readGenerically()) {
            throw new IllegalStateException(key + " is read by its own code");
        }
        parser.parse(key, text, problems).ifPresent(value -> apply.accept(builder, value));
    }

    /**
     * Sets the literal default on the builder, as a user setting it explicitly would (for the drift test that
     * holds the builder's defaults to this declaration).
     *
     * @param builder the settings being built
     */
    public void applyDefault(PoolSettings.Builder builder) {
        apply.accept(builder, defaultOrThrow());
    }

    @Override
    public String toString() {
        return key;
    }
}
