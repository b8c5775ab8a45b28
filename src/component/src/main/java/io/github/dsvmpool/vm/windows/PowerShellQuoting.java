package io.github.dsvmpool.vm.windows;

/**
 * PowerShell's single-quoted (verbatim) strings: nothing is expanded inside them ({@code $}, backtick and double
 * quotes are plain characters), and a quote character is written twice. PowerShell counts four more characters
 * as single quotes besides the apostrophe, U+2018, U+2019, U+201A and U+201B (about_Quoting_Rules; the
 * tokenizer's {@code IsSingleQuote}), so each of them is doubled as well: a value holding a typographic quote
 * would otherwise end the string early and run the rest as code.
 */
public final class PowerShellQuoting {
    /** Every character PowerShell takes as a single quote. */
    static final String SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";

    private PowerShellQuoting() {
    }

    /**
     * The value as a single-quoted PowerShell string literal.
     *
     * @throws IllegalArgumentException when the value holds a NUL character, which cannot travel in a command
     */
    public static String singleQuoted(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a PowerShell string cannot hold a NUL character");
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (SINGLE_QUOTES.indexOf(c) >= 0) {
                quoted.append(c);
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }
}
