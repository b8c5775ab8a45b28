package io.github.dsvmpool.tools.plan;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flattens JSON into leaf paths such as {@code inboundNatPools[0].frontendPortRangeEnd}, the form in which the
 * diff reports changes and the risky-change rules match them. Empty objects and arrays are leaves too, so that
 * their appearance is visible; keys that are not plain names are quoted: {@code tags["a.b"]}.
 */
public final class JsonPaths {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private JsonPaths() {
    }

    public static Map<String, JsonElement> flatten(JsonElement root) {
        var leaves = new LinkedHashMap<String, JsonElement>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonElement element, Map<String, JsonElement> leaves) {
        if (element.isJsonObject() && element.getAsJsonObject().size() > 0) {
            element.getAsJsonObject().entrySet().forEach(entry ->
                    flatten(child(path, entry.getKey()), entry.getValue(), leaves));
        } else if (element.isJsonArray() && !element.getAsJsonArray().isEmpty()) {
            var array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                flatten(path + "[" + i + "]", array.get(i), leaves);
            }
        } else {
            leaves.put(path, element);
        }
    }

    static String child(String path, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** Whether {@code ancestor} is {@code path} itself or one of the paths that contain it. */
    static boolean isWithin(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
    }

    /**
     * A path pattern as a regular expression: {@code [*]} is any index, {@code *} any part of one name,
     * {@code **} anything (several levels).
     */
    static Pattern glob(String pattern) {
        var regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("[*]", i)) {
                regex.append("\\[\\d+]");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^.\\[]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
