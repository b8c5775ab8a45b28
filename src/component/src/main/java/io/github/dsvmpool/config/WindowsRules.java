package io.github.dsvmpool.config;

import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Windows's own naming and credential rules for a Windows pool, checked before anything is declared, so that a
 * value Azure or Windows setup would refuse minutes into a deployment is refused at once with the setting's name,
 * its value (never a password's) and what is allowed. Pure; each check adds to the given {@link Problems} and
 * never throws. Sources, one per rule:
 * <ul>
 *   <li>computer name prefix: a Windows computer name has at most 15 characters (Learn "Frequently asked
 *       questions about Windows Virtual Machines", computer name requirements), and a Uniform scale set appends
 *       6 characters to the prefix, so the prefix has at most {@value #COMPUTER_NAME_PREFIX_MAX} (Azure refuses
 *       longer ones for Windows images: terraform-provider-azurerm issue 871 and its documented "1 to 9 characters
 *       long for windows images"); characters: Learn "Naming rules and restrictions for Azure resources"
 *       (virtualMachineScaleSets: no {@code \/"[]:|<>+=;,?*@&}, not starting with an underscore, not ending with
 *       a period or hyphen), kept here to letters, digits and hyphens starting with a letter, so never all digits
 *       (a NetBIOS name cannot be);</li>
 *   <li>admin user name: at most {@value #USERNAME_MAX} characters, not ending with a period, not one of the
 *       names Azure refuses (Windows FAQ, "What are the username requirements"), none of the characters Windows
 *       refuses in a user name {@code " / \ [ ] : ; | = , + * ? < > @} (Learn "Naming conventions in Active
 *       Directory for computers, domains, sites, and OUs", user account names);</li>
 *   <li>admin password: {@value #PASSWORD_MIN}-{@value #PASSWORD_MAX} characters and 3 of 4 classes (lower,
 *       upper, digit, special as {@code [\W_]}), none of the well-known passwords (Windows FAQ, "What are the
 *       password requirements"), and not containing the user name (Learn "Password must meet complexity
 *       requirements": Windows refuses a password that contains the account name when it is longer than two
 *       characters, and the policy is on by default on Windows Server);</li>
 *   <li>admin user name not a computer name of the pool (prefix and 6 letters or digits): Windows setup then
 *       creates the account but cannot add it to Administrators (AutomatedLab issue 1429, error 0x8007056b).</li>
 * </ul>
 */
public final class WindowsRules {
    public static final int COMPUTER_NAME_MAX = 15;
    /** Characters a Uniform scale set appends to the prefix (base-36 instance number). */
    public static final int SCALE_SET_SUFFIX = 6;
    public static final int COMPUTER_NAME_PREFIX_MAX = COMPUTER_NAME_MAX - SCALE_SET_SUFFIX;
    public static final Pattern COMPUTER_NAME_PREFIX = Pattern.compile("[A-Za-z]([A-Za-z0-9-]{0,"
            + (COMPUTER_NAME_PREFIX_MAX - 2) + "}[A-Za-z0-9])?");
    public static final int USERNAME_MAX = 20;
    /** Characters Windows refuses in a user name. */
    public static final String USERNAME_FORBIDDEN_CHARACTERS = "\"/\\[]:;|=,+*?<>@";
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 123;
    /** Windows checks for the account name inside the password only when the name is longer than this. */
    public static final int NAME_IN_PASSWORD_MIN = 3;

    /** Admin names Azure refuses for Windows (Windows FAQ). */
    public static final Set<String> RESERVED_USERNAMES = Set.of("administrator", "admin", "user", "user1", "test",
            "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm", "admin2", "aspnet", "backup",
            "console", "david", "guest", "john", "owner", "root", "server", "sql", "support", "support_388945a0",
            "sys", "test2", "test3", "user4", "user5");

    /** Passwords Azure refuses as well known (Windows FAQ). */
    public static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("abc@123", "P@$$w0rd", "P@ssw0rd", "P@ssword123",
            "Pa$$word", "pass@word1", "Password!", "Password1", "Password22", "iloveyou!");

    private WindowsRules() {
    }

    /** Every rule at once: the prefix, the admin name, the password and the name against the pool's computers. */
    public static void check(String prefixSetting, String computerNamePrefix, String usernameSetting, String username,
                             String passwordSetting, Optional<String> password, Problems problems) {
        checkComputerNamePrefix(prefixSetting, computerNamePrefix, problems);
        checkAdminUsername(usernameSetting, username, problems);
        checkAdminPassword(passwordSetting, password, username, problems);
        checkUsernameIsNoComputerName(usernameSetting, username, computerNamePrefix, problems);
    }

    public static void checkComputerNamePrefix(String setting, String prefix, Problems problems) {
        if (prefix == null || !COMPUTER_NAME_PREFIX.matcher(prefix).matches()) {
            problems.add(setting, prefix, "1-" + COMPUTER_NAME_PREFIX_MAX + " letters, digits and hyphens, starting"
                    + " with a letter and not ending with a hyphen: Windows computer names have at most "
                    + COMPUTER_NAME_MAX + " characters and the scale set appends " + SCALE_SET_SUFFIX);
        }
    }

    public static void checkAdminUsername(String setting, String username, Problems problems) {
        if (username == null || username.isEmpty() || username.length() > USERNAME_MAX) {
            problems.add(setting, username, "1-" + USERNAME_MAX + " characters (Windows)");
            return;
        }
        if (username.endsWith(".")) {
            problems.add(setting, username, "a Windows user name that does not end with a period");
        }
        if (username.chars().anyMatch(c -> USERNAME_FORBIDDEN_CHARACTERS.indexOf(c) >= 0 || Character.isISOControl(c))) {
            problems.add(setting, username, "none of " + USERNAME_FORBIDDEN_CHARACTERS + " or control characters"
                    + " (Windows user names)");
        }
        if (RESERVED_USERNAMES.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(setting, username, "not a name Azure reserves for Windows (administrator, admin, user, test,"
                    + " guest, ...)");
        }
    }

    /**
     * Checks a given password; the problems never repeat it. Not set is allowed: the pool then generates one.
     *
     * @param username the admin name, which the password must not contain; null skips that rule
     */
    public static void checkAdminPassword(String setting, Optional<String> password, String username,
                                          Problems problems) {
        if (password.isEmpty()) {
            return;
        }
        String value = password.get();
        if (value.length() < PASSWORD_MIN || value.length() > PASSWORD_MAX) {
            secret(problems, setting, PASSWORD_MIN + "-" + PASSWORD_MAX + " characters (it has " + value.length() + ")");
        }
        if (characterClasses(value) < 3) {
            secret(problems, setting, "at least 3 of: lowercase letter, uppercase letter, digit, special character");
        }
        if (WELL_KNOWN_PASSWORDS.contains(value)) {
            secret(problems, setting, "not a well-known password");
        }
        if (username != null && username.length() >= NAME_IN_PASSWORD_MIN
                && value.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            secret(problems, setting, "a password that does not contain the admin user name (Windows complexity"
                    + " rule)");
        }
    }

    /** The admin name must not be one of the names the scale set gives its computers. */
    public static void checkUsernameIsNoComputerName(String setting, String username, String prefix,
                                                     Problems problems) {
        if (username == null || prefix == null || username.length() != prefix.length() + SCALE_SET_SUFFIX) {
            return;
        }
        String lower = username.toLowerCase(Locale.ROOT);
        if (lower.startsWith(prefix.toLowerCase(Locale.ROOT))
                && lower.substring(prefix.length()).matches("[a-z0-9]{" + SCALE_SET_SUFFIX + "}")) {
            problems.add(setting, username, "a name that is not the computer name prefix followed by "
                    + SCALE_SET_SUFFIX + " letters or digits: Windows would not make an account named like its"
                    + " computer an administrator");
        }
    }

    /** Lowercase, uppercase, digit and special ({@code [\W_]}, as the FAQ's regular expression). */
    static int characterClasses(String password) {
        boolean lower = password.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        boolean upper = password.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
        boolean digit = password.chars().anyMatch(c -> c >= '0' && c <= '9');
        boolean special = password.chars().anyMatch(c -> !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')
                && !(c >= '0' && c <= '9'));
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (special ? 1 : 0);
    }

    private static void secret(Problems problems, String setting, String allowed) {
        problems.add(new Problem(setting, Problem.SECRET_VALUE, allowed));
    }
}
