package io.github.dsvmpool.config;

import com.google.gson.JsonParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gson's parse errors in words: what is wrong and where ({@code line 3, column 7}), without Gson's class names
 * or advice meant for programmers ({@code MalformedJsonException: Use JsonReader.setLenient(true)}).
 */
public final class JsonErrors {
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");
    /** Gson's phrases (com.google.gson.stream.JsonReader) and what they mean to someone editing the file. */
    private static final Map<String, String> WHAT = Map.of(
            "Unterminated object", "an object ({...}) is not closed or a comma is missing",
            "Unterminated array", "a list ([...]) is not closed or a comma is missing",
            "Unterminated string", "a quoted text is not closed",
            "Expected name", "a property name is missing (perhaps a trailing comma)",
            "Expected ':'", "a ':' is missing after a property name",
            "Expected value", "a value is missing",
            "End of input", "the text ends too early",
            "Unterminated escape sequence", "a backslash escape is not finished");

    private JsonErrors() {
    }

    /** For example {@code "not valid JSON: a ':' is missing after a property name (line 1, column 9)"}. */
    public static String describe(JsonParseException error) {
        String text = String.valueOf(error.getMessage());
        String what = WHAT.entrySet().stream().filter(entry -> text.contains(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("malformed text");
        var where = WHERE.matcher(text);
        return "not valid JSON: " + what + (where.find() ? " (line " + where.group(1) + ", column " + where.group(2) + ")" : "");
    }
}
