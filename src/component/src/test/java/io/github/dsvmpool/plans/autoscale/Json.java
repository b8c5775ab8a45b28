package io.github.dsvmpool.plans.autoscale;

/** Test helper: JSON written with single quotes for readability. */
final class Json {
    private Json() {
    }

    static String of(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
