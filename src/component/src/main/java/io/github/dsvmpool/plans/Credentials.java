package io.github.dsvmpool.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Linux admin account rules of Azure, plus JupyterHub's: capital letters in a username break its login. */
public final class Credentials {
    public static final Pattern USERNAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 72;

    /** Names Azure refuses for the admin account. */
    public static final Set<String> RESERVED_USERNAMES = Set.of("administrator", "admin", "user", "user1", "test",
            "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm", "admin2", "aspnet", "backup",
            "console", "david", "guest", "john", "owner", "root", "server", "sql", "support", "support_388945a0",
            "sys", "test2", "test3", "user4", "user5", "video");

    /** Passwords Azure refuses as well known. */
    public static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("abc@123", "P@$$w0rd", "P@ssw0rd", "P@ssword123",
            "Pa$$word", "pass@word1", "Password!", "Password1", "Password22", "iloveyou!");

    private Credentials() {
    }

    /**
     * Whether SSH accepts the admin password ({@code linuxConfiguration.disablePasswordAuthentication} is its
     * opposite): as configured, else only while the pool has no SSH public key, since Azure refuses a Linux
     * profile with password authentication off and no key ("Authentication using either SSH or by user name and
     * password must be enabled in Linux profile"). Entra ID login does not change it: Azure checks the profile
     * before the login extension exists. JupyterHub logs in through PAM, not SSH, so this does not touch it.
     *
     * @param configured the {@code sshPasswordLogin} setting, empty for the default
     * @param hasKeys    whether the pool has at least one SSH public key
     * @return true to keep SSH password login
     */
    public static boolean sshPasswordLogin(java.util.Optional<Boolean> configured, boolean hasKeys) {
        return configured.orElse(!hasKeys);
    }

    /** What is wrong with a username, or an empty list. */
    public static List<String> usernameProblems(String username) {
        var problems = new ArrayList<String>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add("1-32 characters: lowercase letters, digits, '_' and '-', starting with a letter or '_'"
                    + " (JupyterHub fails with capital letters)");
        }
        if (username != null && RESERVED_USERNAMES.contains(username.toLowerCase(java.util.Locale.ROOT))) {
            problems.add("not a name Azure reserves (admin, root, user, test, guest, ...)");
        }
        return problems;
    }

    /** What is wrong with a password, without ever repeating it. */
    public static List<String> passwordProblems(String password) {
        var problems = new ArrayList<String>();
        if (password == null || password.isEmpty()) {
            problems.add("not empty: set it with `pulumi config set --secret adminPassword`, or remove the key to have"
                    + " one generated");
            return problems;
        }
        if (password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            problems.add(PASSWORD_MIN + "-" + PASSWORD_MAX + " characters (it has " + password.length() + ")");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            problems.add("no control characters");
        }
        if (characterClasses(password) < 3) {
            problems.add("at least 3 of: lowercase letter, uppercase letter, digit, special character");
        }
        if (WELL_KNOWN_PASSWORDS.contains(password)) {
            problems.add("not a well-known password");
        }
        return problems;
    }

    static int characterClasses(String password) {
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean special = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isISOControl(c));
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (special ? 1 : 0);
    }
}
