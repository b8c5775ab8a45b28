package io.github.dsvmpool.plans;

/**
 * How the admin password is generated when none is configured: chosen so that every password the random
 * provider can produce with it passes {@link Credentials#passwordProblems} (Azure's Linux rules) by
 * construction: a length inside 12-72, all four character classes allowed and each required at least
 * {@link #MINIMUM_PER_CLASS} times (Azure asks for 3 of 4), printable characters only.
 */
public final class GeneratedPasswordPolicy {
    public static final int LENGTH = 24;
    public static final int MINIMUM_PER_CLASS = 2;
    /**
     * Special characters Azure accepts, without quotes, '$', '\\', '&amp;' or spaces, so that the password can be
     * typed into a shell, a YAML file or JupyterHub's login form as it is.
     */
    public static final String SPECIAL_CHARACTERS = "!#%*+-=?@^_";

    /** Above this chance of the generated password containing the admin name, a Windows pool refuses the name. */
    public static final double MAX_CHANCE_OF_CONTAINING_THE_NAME = 1e-6;

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final int ALPHABET = 2 * LOWER.length() + DIGITS.length() + SPECIAL_CHARACTERS.length();

    private GeneratedPasswordPolicy() {
    }

    /**
     * About how likely a generated password is to contain {@code name}, ignoring case as Windows does: the sum over
     * the places it could start of the product of each character's chance. A position holds a given character of a
     * class with the class's share of the password (its {@link #MINIMUM_PER_CLASS} plus its part of the rest, drawn
     * from the whole alphabet, then shuffled: terraform-provider-random's internal/random/string.go, which
     * pulumi-random 4.21.1 wraps) divided by the class's size; a letter counts twice (either case). Zero when the name
     * has a character the password never has (such as '.'). An estimate, not a bound: the positions of a shuffled
     * password are not independent.
     */
    public static double chanceOfContaining(String name) {
        if (name.isEmpty() || name.length() > LENGTH) {
            return name.isEmpty() ? 1 : 0;
        }
        double chance = 1;
        for (char character : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            chance *= chanceOf(character);
        }
        return (LENGTH - name.length() + 1) * chance;
    }

    private static double chanceOf(char character) {
        if (LOWER.indexOf(character) >= 0) {
            return 2 * classShare(LOWER.length()) / LOWER.length();
        }
        if (DIGITS.indexOf(character) >= 0) {
            return classShare(DIGITS.length()) / DIGITS.length();
        }
        if (SPECIAL_CHARACTERS.indexOf(character) >= 0) {
            return classShare(SPECIAL_CHARACTERS.length()) / SPECIAL_CHARACTERS.length();
        }
        return 0;
    }

    /** The expected share of the password's positions taken by a class of {@code size} characters. */
    private static double classShare(int size) {
        int free = LENGTH - 4 * MINIMUM_PER_CLASS;
        return (MINIMUM_PER_CLASS + free * (double) size / ALPHABET) / LENGTH;
    }
}
