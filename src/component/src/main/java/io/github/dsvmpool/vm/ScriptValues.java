package io.github.dsvmpool.vm;

/** What every value rendered into a VM script must be, whatever the script's quoting: one line of text. */
public final class ScriptValues {
    private ScriptValues() {
    }

    /**
     * Refuses only what no quoting can carry: nothing, a line break or a NUL character. The scripts check the
     * values' shapes themselves.
     *
     * @param name  the value's name, for the message
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException naming the value when it is null or not one line
     */
    public static String singleLine(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a line break");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a NUL character");
        }
        return value;
    }
}
