package io.github.dsvmpool.vm.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden cases of {@link PowerShellQuoting}: what PowerShell would expand or end a string on stays literal. */
class PowerShellQuotingTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain               | dsvmshare                     | 'dsvmshare'",
        "empty               | \"\"                          | ''",
        "apostrophe          | it's                          | 'it''s'",
        "ends a string early | '; Remove-Item C:\\ -Recurse; '| '''; Remove-Item C:\\ -Recurse; '''",
        "dollar and backtick | $env:TEMP`n$(whoami)          | '$env:TEMP`n$(whoami)'",
        "double quotes       | say \"\"hi\"\"                | 'say \"\"hi\"\"'",
        "left quote U+2018   | a\u2018b                      | 'a\u2018\u2018b'",
        "right quote U+2019  | a\u2019; calc; \u2019         | 'a\u2019\u2019; calc; \u2019\u2019'",
        "low quote U+201A    | a\u201Ab                      | 'a\u201A\u201Ab'",
        "reversed U+201B     | a\u201Bb                      | 'a\u201B\u201Bb'",
        "key characters      | Zm9v+/ba==                    | 'Zm9v+/ba=='",
    })
    void quotesEverySingleQuoteCharacterTwice(String name, String value, String expected) {
        assertThat(PowerShellQuoting.singleQuoted(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void keepsLineBreaksInside() {
        assertThat(PowerShellQuoting.singleQuoted("a\nb'c")).isEqualTo("'a\nb''c'");
    }

    @org.junit.jupiter.api.Test
    void refusesNul() {
        assertThatThrownBy(() -> PowerShellQuoting.singleQuoted("a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }
}
