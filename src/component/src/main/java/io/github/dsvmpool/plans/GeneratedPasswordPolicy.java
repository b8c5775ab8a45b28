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

    private GeneratedPasswordPolicy() {
    }
}
