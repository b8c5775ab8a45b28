package io.github.dsvmpool.config;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One holding case and one breaking case per rule of {@link WindowsRules}, through {@link WindowsRules#check}. */
class WindowsRulesTest {
    static final String PREFIX = "dsvmwin";
    static final String USER = "poolowner";
    static final String PASSWORD = "Correct-Horse-9";

    @Test
    void aValidPoolHasNoProblem() {
        assertThat(problems(PREFIX, USER, Optional.of(PASSWORD))).isEmpty();
        assertThat(problems("w", "o", Optional.empty())).as("shortest names, generated password").isEmpty();
        assertThat(problems("Win-pool9", "x".repeat(20), Optional.of("aB3" + "y".repeat(120)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // rule                          | prefix     | user                | allowed (part of the message)
        "prefix longer than 9           | dsvmwinpool | poolowner         | 1-9 letters",
        "prefix empty                   | ''          | poolowner         | 1-9 letters",
        "prefix starting with a digit   | 9pool       | poolowner         | starting with a letter",
        "prefix ending with a hyphen    | pool-       | poolowner         | not ending with a hyphen",
        "prefix with an underscore      | my_pool     | poolowner         | letters, digits and hyphens",
        "user longer than 20            | dsvmwin     | abcdefghijklmnopqrstu | 1-20 characters",
        "user ending with a period      | dsvmwin     | pool.owner.       | does not end with a period",
        "user with a forbidden char     | dsvmwin     | pool@owner        | none of",
        "user with a backslash          | dsvmwin     | pool\\owner       | none of",
        "user reserved by Azure         | dsvmwin     | Administrator     | not a name Azure reserves",
        "user reserved, other case      | dsvmwin     | Support_388945a0  | not a name Azure reserves",
        "user named like a computer     | dsvmwin     | DSVMWIN00000A     | not the computer name prefix followed by 6",
    })
    void eachNamingRuleBreaks(String rule, String prefix, String user, String allowed) {
        List<Problem> problems = problems(prefix, user, Optional.of(PASSWORD));
        assertThat(problems).as(rule).hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.setting()).isEqualTo(rule.startsWith("prefix") ? "computerNamePrefix" : "adminUsername");
        assertThat(problem.value()).isEqualTo(rule.startsWith("prefix") ? prefixShown(prefix) : user);
        assertThat(problem.allowed()).contains(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // rule                      | password                  | allowed (part of the message)
        "too short                   | Ab3-defghij               | 12-123 characters (it has 11)",
        "too long                    | LONG                      | 12-123 characters (it has 124)",
        "two classes only            | abcdefghijkl3             | at least 3 of",
        "contains the user name      | My-POOLOWNER-9            | does not contain the admin user name",
    })
    void eachPasswordRuleBreaksWithoutShowingThePassword(String rule, String password, String allowed) {
        String value = password.equals("LONG") ? "aB3" + "x".repeat(121) : password;
        List<Problem> problems = problems(PREFIX, USER, Optional.of(value));
        assertThat(problems).as(rule).hasSize(1);
        assertThat(problems.get(0).setting()).isEqualTo("adminPassword");
        assertThat(problems.get(0).value()).isEqualTo(Problem.SECRET_VALUE);
        assertThat(problems.get(0).allowed()).contains(allowed).doesNotContain(value);
        assertThat(problems.get(0).message()).doesNotContain(value);
    }

    @Test
    void wellKnownPasswordsAreRefused() {
        // Every well-known password is also shorter than 12, so the two problems come together.
        for (String known : WindowsRules.WELL_KNOWN_PASSWORDS) {
            assertThat(problems(PREFIX, USER, Optional.of(known))).extracting(Problem::allowed)
                    .as(known).contains("not a well-known password");
        }
    }

    @Test
    void shortUserNamesMayAppearInThePassword() {
        // Windows checks for the account name only when it has more than two characters.
        assertThat(problems(PREFIX, "ab", Optional.of("xxAB-12345678"))).isEmpty();
        assertThat(problems(PREFIX, "abc", Optional.of("xxABC-1234567"))).hasSize(1);
    }

    @Test
    void aNameLikeAComputerNeedsExactlySixTrailingCharacters() {
        assertThat(problems(PREFIX, PREFIX + "00000", Optional.of(PASSWORD))).isEmpty();
        assertThat(problems(PREFIX, PREFIX + "0000_a", Optional.of(PASSWORD))).isEmpty();
        assertThat(problems(PREFIX, "x" + PREFIX + "00000", Optional.of(PASSWORD))).isEmpty();
    }

    @Test
    void everyProblemIsReportedTogether() {
        List<Problem> problems = problems("too-long-prefix", "admin", Optional.of("short"));
        assertThat(problems).extracting(Problem::setting)
                .containsExactly("computerNamePrefix", "adminUsername", "adminPassword", "adminPassword");
    }

    private static String prefixShown(String prefix) {
        return prefix;
    }

    private static List<Problem> problems(String prefix, String user, Optional<String> password) {
        Problems problems = new Problems();
        WindowsRules.check("computerNamePrefix", prefix, "adminUsername", user, "adminPassword", password, problems);
        return problems.list();
    }
}
