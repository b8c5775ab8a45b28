package io.github.dsvmpool.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the random provider would answer for a {@code RandomPassword} under the mock engine: a password drawn
 * from the requested classes, with the requested length and minimum counts, so that tests see a value shaped
 * like the real one. Seeded by the logical name: the same program gives the same password on every run.
 */
final class MockRandomPassword {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    /** The provider's default special characters, used when {@code overrideSpecial} is not set. */
    private static final String DEFAULT_SPECIAL = "!@#$%&*()-_=+[]{}<>:?";

    private MockRandomPassword() {
    }

    static String generate(String name, Map<String, Object> inputs) {
        var random = new Random(name.hashCode());
        int length = number(inputs, "length", 16);
        String special = inputs.get("overrideSpecial") instanceof String given ? given : DEFAULT_SPECIAL;
        var classes = new ArrayList<String>();
        var characters = new ArrayList<Character>();
        addClass(inputs, "lower", "minLower", LOWER, classes, characters, random);
        addClass(inputs, "upper", "minUpper", UPPER, classes, characters, random);
        addClass(inputs, "numeric", "minNumeric", DIGITS, classes, characters, random);
        addClass(inputs, "special", "minSpecial", special, classes, characters, random);
        String all = String.join("", classes);
        while (characters.size() < length && !all.isEmpty()) {
            characters.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(characters, random);
        var password = new StringBuilder();
        characters.forEach(password::append);
        return password.toString();
    }

    private static void addClass(Map<String, Object> inputs, String enabled, String minimum, String alphabet,
                                 List<String> classes, List<Character> characters, Random random) {
        if (Boolean.FALSE.equals(inputs.get(enabled))) {
            return;
        }
        classes.add(alphabet);
        for (int i = 0; i < number(inputs, minimum, 0); i++) {
            characters.add(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }

    /** The mock engine hands numbers over as doubles (the wire format's only number type). */
    private static int number(Map<String, Object> inputs, String key, int fallback) {
        return inputs.get(key) instanceof Number value ? value.intValue() : fallback;
    }
}
