package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    @org.junit.jupiter.params.ParameterizedTest(name = "configured {0}, keys {1} -> password SSH {2}")
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "unset", textBlock = """
            unset, false, true
            unset, true,  false
            true,  true,  true
            true,  false, true
            false, true,  false
            """)
    void sshPasswordLoginStaysOnlyWithoutKeysUnlessConfigured(Boolean configured, boolean hasKeys, boolean on) {
        assertThat(Credentials.sshPasswordLogin(java.util.Optional.ofNullable(configured), hasKeys)).isEqualTo(on);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dsadmin", "ada", "data_sci-1", "_svc"})
    void acceptsUsernames(String username) {
        assertThat(Credentials.usernameProblems(username)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DsAdmin", "admin", "root", "1user", "", "with space", "averyveryverylongusernamethatexceeds"})
    void rejectsUsernames(String username) {
        assertThat(Credentials.usernameProblems(username)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Correct-Horse-7", "lower-and-digits-123", "UPPER lower 2024"})
    void acceptsPasswords(String password) {
        assertThat(Credentials.passwordProblems(password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Short1!", "alllowercaseletters", "P@ssword123", "Tab\tinside-Password1",
            "toolong-Aa1-toolong-Aa1-toolong-Aa1-toolong-Aa1-toolong-Aa1-toolong-Aa1-x"})
    void rejectsPasswords(String password) {
        assertThat(Credentials.passwordProblems(password)).isNotEmpty();
    }

    /** The messages depend on the password's length at most, so they can never reveal it. */
    @Property
    void problemsNeverRepeatThePassword(@ForAll @StringLength(min = 1, max = 80) String password) {
        var fixedMessages = java.util.Set.of("12-72 characters (it has N)", "no control characters",
                "at least 3 of: lowercase letter, uppercase letter, digit, special character",
                "not a well-known password");
        assertThat(Credentials.passwordProblems(password))
                .map(problem -> problem.replace("(it has " + password.length() + ")", "(it has N)"))
                .allMatch(fixedMessages::contains);
    }
}
