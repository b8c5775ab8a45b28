package io.github.dsvmpool.problems;

import com.google.gson.JsonParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gson's parse errors in words: what is wrong and where ({@code line 3, column 7}), without Gson's class names
 * or advice meant for programmers ({@code MalformedJsonException: Use JsonReader.setLenient(true)}).
 */
public final class JsonErrors {
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");
    /** Gson's phrases (com.google.gson.stream.JsonReader) and what they mean to someone editing the file; first match wins. */
    private static final List<Map.Entry<String, String>> WHAT = List.of(
            Map.entry("Did not consume the entire document", "there is more text after the value"),
            Map.entry("Unterminated object", "an object ({...}) is not closed or a comma is missing"),
            Map.entry("Unterminated array", "a list ([...]) is not closed or a comma is missing"),
            Map.entry("Unterminated string", "a quoted text is not closed"),
            Map.entry("Expected name", "a property name is missing (perhaps a trailing comma)"),
            Map.entry("Expected ':'", "a ':' is missing after a property name"),
            Map.entry("Expected value", "a value is missing"),
            Map.entry("End of input", "the text ends too early"),
            Map.entry("Unterminated escape sequence", "a backslash escape is not finished"),
            // Gson's catch-all in 2.10, e.g. for a second value after the first: {"a": 1} {"b": 2}
            Map.entry("setLenient", "there is more text after the value, or a character JSON does not allow"));

    private JsonErrors() {
    }

    /** For example {@code "not valid JSON: a ':' is missing after a property name (line 1, column 9)"}. */
    public static String describe(JsonParseException error) {
        String text = String.valueOf(error.getMessage());
        String what = WHAT.stream().filter(entry -> text.contains(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("malformed text");
        var where = WHERE.matcher(text);
        return "not valid JSON: " + what + (where.find() ? " (line " + where.group(1) + ", column " + where.group(2) + ")" : "");
    }
}
