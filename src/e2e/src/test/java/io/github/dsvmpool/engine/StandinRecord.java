package io.github.dsvmpool.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the engine sent the azure-native stand-in: its STANDIN_RECORD file, one JSON object per call
 * (docs/standin.md). A mark taken before a command selects the calls that command made.
 */
record StandinRecord(Path file) {
    /** The stand-in's hash of a secret it saw: the record holds no secret value. */
    static final String SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";

    /** How many calls are recorded so far. */
    int mark() {
        return all().size();
    }

    List<JsonObject> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                    .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonObject> since(int mark) {
        List<JsonObject> calls = all();
        return calls.subList(Math.min(mark, calls.size()), calls.size());
    }

    /** Calls since the mark that changed "Azure": Create, Update or Delete, not in a preview. */
    List<JsonObject> changesSince(int mark) {
        return since(mark).stream().filter(call -> List.of("Create", "Update", "Delete").contains(method(call)))
                .filter(call -> !isPreview(call)).toList();
    }

    static String method(JsonObject call) {
        return call.get("method").getAsString();
    }

    static boolean isPreview(JsonObject call) {
        JsonElement preview = call.get("preview");
        return preview != null && preview.getAsBoolean();
    }

    /** The logical name at the end of a call's URN ("" for calls without one). */
    static String name(JsonObject call) {
        JsonElement urn = call.get("urn");
        return urn == null ? "" : Urns.name(urn.getAsString());
    }

    static String type(JsonObject call) {
        JsonElement type = call.get("type");
        return type == null ? "" : type.getAsString();
    }
}
