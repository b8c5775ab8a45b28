package io.github.dsvmpool.offline;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's wire format into plain Java values, keeping the program's own secret marking: a value
 * wrapped in Pulumi's secret signature becomes a {@link Registration.SecretValue}.
 */
final class StructValues {
    /** Pulumi's special signature key and the signature of secrets, fixed by the engine's RPC protocol. */
    static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructValues() {
    }

    static Map<String, Object> toMap(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> map.put(entry.getKey(), toJava(entry.getValue())));
        return Collections.unmodifiableMap(map);
    }

    static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> value.getStringValue().equals(UNKNOWN) ? "(known after apply)" : value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case LIST_VALUE -> list(value.getListValue());
            case STRUCT_VALUE -> struct(value.getStructValue());
        };
    }

    private static Object struct(Struct struct) {
        var fields = struct.getFieldsMap();
        Value signature = fields.get(SIGNATURE_KEY);
        if (signature != null && SECRET_SIGNATURE.equals(signature.getStringValue())) {
            return new Registration.SecretValue(toJava(fields.getOrDefault("value", Value.getDefaultInstance())));
        }
        return toMap(struct);
    }

    private static List<Object> list(ListValue list) {
        var values = new ArrayList<Object>();
        list.getValuesList().forEach(value -> values.add(toJava(value)));
        return Collections.unmodifiableList(values);
    }

    /** Whole numbers come back as longs so that ports and counts print as 22, not 22.0. */
    private static Object number(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : (Object) number;
    }
}
