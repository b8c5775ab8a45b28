package io.github.dsvmpool.config;



/**
 * The tables of docs/configuration.md, generated from {@link SettingCatalog}: one section per {@link SettingGroup},
 * one row per setting (key, default, allowed values and limits). {@code SettingCatalogTest} fails when the
 * committed document differs, and rewrites it with {@code -Ddsvmpool.writeDocs=true}.
 */
public final class ConfigurationReference {
    /** Marks the start of the generated part in docs/configuration.md. */
    public static final String BEGIN = "<!-- generated from SettingCatalog (SettingCatalogTest): begin -->";
    /** Marks its end. */
    public static final String END = "<!-- generated from SettingCatalog: end -->";

    private ConfigurationReference() {
    }

    /**
     * The generated part, between and including the markers.
     *
     * @return Markdown
     */
    public static String tables() {
        var text = new StringBuilder(BEGIN).append('\n');
        for (SettingGroup group : SettingGroup.values()) {
            text.append("\n## ").append(group.heading()).append("\n\n")
                    .append("| key | default | allowed values and limits |\n|---|---|---|\n");
            SettingCatalog.ALL.stream().filter(setting -> setting.group() == group).forEach(setting -> text
                    .append("| `").append(setting.key()).append("` | ").append(setting.defaultText()).append(" | ")
                    .append(setting.rule()).append(" |\n"));
        }
        return text.append('\n').append(END).toString();
    }

    /**
     * The document with its generated part replaced.
     *
     * @param document docs/configuration.md as committed
     * @return the document as it should be
     * @throws IllegalArgumentException when the markers are missing
     */
    public static String regenerate(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("docs/configuration.md lacks the markers " + BEGIN + " ... " + END);
        }
        return document.substring(0, begin) + tables() + document.substring(end + END.length());
    }
}
