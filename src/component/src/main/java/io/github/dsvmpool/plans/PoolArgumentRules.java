package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.SettingCatalog;
import io.github.dsvmpool.problems.Problem;
import io.github.dsvmpool.problems.Problems;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for what a pool receives besides its {@link PoolSettings}: its name, the admin password, the SSH
 * keys and an existing resource group's name. The stack reader ({@code stackconfig.StackConfiguration}) and the component
 * ({@code pool.DsvmPool}) both check with these, so a value refused in a stack file is
 * refused from code with the same message. Each check adds to the given {@link Problems} and never throws.
 */
public final class PoolArgumentRules {
    /** 1-20 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen. */
    public static final Pattern POOL_NAME = Pattern.compile("[a-z][a-z0-9-]{0,18}[a-z0-9]|[a-z]");
    /** An OpenSSH public key line: ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521, base64, comment. */
    public static final Pattern SSH_KEY =
            Pattern.compile("(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?");
    /** Azure's resource group names: 1-90 letters, digits, '_', '-', '.', '(' or ')', not ending with '.'. */
    public static final Pattern RESOURCE_GROUP_NAME = Pattern.compile("[-\\w.()]{1,89}[-\\w()]");

    private PoolArgumentRules() {
    }

    /**
     * Checks the pool's name, which prefixes every logical name and several Azure names.
     *
     * @param setting  the name the problem is reported under ({@code poolName} in a stack file)
     * @param poolName the name to check; {@code null} is refused
     * @param problems where a problem is added
     */
    public static void checkPoolName(String setting, String poolName, Problems problems) {
        if (poolName == null || !POOL_NAME.matcher(poolName).matches()) {
            problems.add(setting, poolName, "1-20 characters: lowercase letters, digits and hyphens, starting with"
                    + " a letter (it prefixes resource names)");
        }
    }

    /**
     * Checks a given admin password with Azure's Linux rules; the problem never repeats the password. Not set
     * is allowed: the pool then generates one (RandomPassword).
     *
     * @param setting  the name the problems are reported under ({@code adminPassword})
     * @param password the password, empty when not set
     * @param problems where the problems are added
     */
    public static void checkAdminPassword(String setting, Optional<String> password, Problems problems) {
        password.ifPresent(value -> Credentials.passwordProblems(value)
                .forEach(allowed -> problems.add(new Problem(setting, Problem.SECRET_VALUE, allowed))));
    }

    /**
     * Checks OpenSSH public keys, one per entry.
     *
     * @param setting  the name the problems are reported under ({@code sshPublicKeys})
     * @param keys     the keys to check
     * @param problems where one problem per malformed key is added
     */
    public static void checkSshPublicKeys(String setting, List<String> keys, Problems problems) {
        keys.stream().filter(key -> key == null || !SSH_KEY.matcher(key).matches()).forEach(key -> problems.add(
                setting, key == null ? null : abbreviate(key),
                "OpenSSH public keys (ssh-rsa, ssh-ed25519 or ecdsa-sha2-*), one per entry"));
    }

    /**
     * Checks that SSH password login is not turned off on a pool without SSH keys: Azure refuses a Linux profile
     * with password authentication disabled and no public key ("Authentication using either SSH or by user name
     * and password must be enabled in Linux profile", InvalidParameter on linuxConfiguration, as
     * terraform-provider-azurerm quotes it). Entra login does not count: Azure checks the profile before the
     * login extension exists.
     *
     * @param setting       the name the problem is reported under ({@code sshPasswordLogin})
     * @param passwordLogin the setting; empty means the default (on only without keys)
     * @param keys          the pool's SSH public keys
     * @param entraLogin    whether Entra ID login is on (named in the problem)
     * @param problems      where a problem is added
     */
    public static void checkSshPasswordLogin(String setting, java.util.Optional<Boolean> passwordLogin,
                                             List<String> keys, boolean entraLogin, Problems problems) {
        if (passwordLogin.filter(on -> !on).isPresent() && keys.isEmpty()) {
            problems.add(setting, "false", "true, or unset, while sshPublicKeys is empty: with SSH password login"
                    + " off Azure needs at least one key in sshPublicKeys"
                    + (entraLogin ? " (entraLogin does not replace it: Azure checks the admin profile first)" : ""));
        }
    }

    /**
     * The admin password and SSH keys of a pool, by its operating system: Windows's password rules and no keys on
     * Windows; Azure's password rules, the key format and password login against the keys on Linux. The stack
     * reader knows every value; the component knows only those given as plain values (the outer optional empty
     * for an output), and Azure checks the others.
     *
     * @param settings the pool's settings
     * @param password the password when known: empty inside when the pool generates one
     * @param sshKeys  the SSH public keys when known
     * @param problems where the problems go, named {@code adminPassword}, {@code sshPublicKeys}, {@code sshPasswordLogin}
     */
    public static void checkCredentials(PoolSettings settings, Optional<Optional<String>> password,
                                        Optional<List<String>> sshKeys, Problems problems) {
        String passwordKey = SettingCatalog.ADMIN_PASSWORD.key();
        String keysKey = SettingCatalog.SSH_PUBLIC_KEYS.key();
        if (WindowsPoolValidator.checkCredentials(settings, passwordKey, password.orElse(Optional.empty()), keysKey,
                sshKeys.orElse(List.of()), problems)) {
            // Only a password the pool generates is unknown here and could contain the name by chance.
            if (password.isPresent() && password.get().isEmpty()) {
                WindowsPoolValidator.checkNameAgainstAGeneratedPassword(settings, passwordKey, problems);
            }
            return;
        }
        password.ifPresent(known -> checkAdminPassword(passwordKey, known, problems));
        sshKeys.ifPresent(keys -> {
            checkSshPublicKeys(keysKey, keys, problems);
            checkSshPasswordLogin(SettingCatalog.SSH_PASSWORD_LOGIN.key(), settings.scaleSet().sshPasswordLogin(), keys,
                    settings.entra().enabled(), problems);
        });
    }

    /**
     * Checks the name of an existing resource group to deploy into.
     *
     * @param setting  the name the problem is reported under ({@code resourceGroupName})
     * @param name     the resource group's name
     * @param problems where a problem is added
     */
    public static void checkResourceGroupName(String setting, String name, Problems problems) {
        if (name == null || !RESOURCE_GROUP_NAME.matcher(name).matches()) {
            problems.add(setting, name, "1-90 letters, digits, '_', '-', '.', '(' or ')', not ending with '.';"
                    + " leave unset to create a resource group");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
