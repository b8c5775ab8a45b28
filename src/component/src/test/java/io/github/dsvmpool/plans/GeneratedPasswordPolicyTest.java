package io.github.dsvmpool.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Every password the random provider may produce under the policy passes Azure's rules: the provider
 * guarantees length, alphabet and minimum counts, and nothing else, so any string with exactly those
 * guarantees is generated here.
 */
class GeneratedPasswordPolicyTest {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    @Property(tries = 2000)
    void everyPasswordThePolicyAllowsPassesAzureRules(@ForAll long seed) {
        var random = new Random(seed);
        String all = LOWER + UPPER + DIGITS + GeneratedPasswordPolicy.SPECIAL_CHARACTERS;
        List<Character> characters = new ArrayList<>();
        for (String alphabet : List.of(LOWER, UPPER, DIGITS, GeneratedPasswordPolicy.SPECIAL_CHARACTERS)) {
            for (int i = 0; i < GeneratedPasswordPolicy.MINIMUM_PER_CLASS; i++) {
                characters.add(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        while (characters.size() < GeneratedPasswordPolicy.LENGTH) {
            characters.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(characters, random);
        var password = new StringBuilder();
        characters.forEach(password::append);
        assertThat(Credentials.passwordProblems(password.toString())).isEmpty();
    }

    @Test
    void theMinimumsFitTheLengthAndTheSpecialCharactersAreSpecial() {
        assertThat(4 * GeneratedPasswordPolicy.MINIMUM_PER_CLASS).isLessThanOrEqualTo(GeneratedPasswordPolicy.LENGTH);
        assertThat(GeneratedPasswordPolicy.LENGTH).isBetween(Credentials.PASSWORD_MIN, Credentials.PASSWORD_MAX);
        assertThat(GeneratedPasswordPolicy.SPECIAL_CHARACTERS.chars())
                .allSatisfy(c -> assertThat(Character.isLetterOrDigit(c) || Character.isISOControl(c)
                        || Character.isWhitespace(c)).isFalse());
    }
}
