package io.github.dsvmpool.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.plans.Credentials;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The mock engine's stand-in for the random provider honours what the program asked for. */
class MockRandomPasswordTest {

    @Property(tries = 300)
    void lengthMinimumsAndAlphabetAreHonoured(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String name,
                                               @ForAll @IntRange(min = 12, max = 72) int length,
                                               @ForAll @IntRange(min = 0, max = 3) int minimum) {
        // Numbers arrive as doubles from the wire, as under the real mock monitor.
        var inputs = Map.<String, Object>of("length", (double) length, "lower", true, "upper", true,
                "numeric", true, "special", true, "minLower", (double) minimum, "minUpper", (double) minimum,
                "minNumeric", (double) minimum, "minSpecial", (double) minimum, "overrideSpecial", "!#");
        String password = MockRandomPassword.generate(name, inputs);
        assertThat(password).hasSize(length).matches("[A-Za-z0-9!#]+");
        assertThat(password.chars().filter(Character::isLowerCase).count()).isGreaterThanOrEqualTo(minimum);
        assertThat(password.chars().filter(Character::isUpperCase).count()).isGreaterThanOrEqualTo(minimum);
        assertThat(password.chars().filter(Character::isDigit).count()).isGreaterThanOrEqualTo(minimum);
        assertThat(password.chars().filter(c -> c == '!' || c == '#').count()).isGreaterThanOrEqualTo(minimum);
        assertThat(MockRandomPassword.generate(name, inputs)).as("same name, same password").isEqualTo(password);
        if (minimum >= 1) {
            assertThat(Credentials.passwordProblems(password)).isEmpty();
        }
    }

    @Property(tries = 50)
    void aDisabledClassNeverAppears(@ForAll @IntRange(min = 12, max = 40) int length) {
        String password = MockRandomPassword.generate("p", Map.of("length", (double) length, "special", false,
                "numeric", false));
        assertThat(password).hasSize(length).matches("[A-Za-z]+");
    }
}
