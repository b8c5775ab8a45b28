package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.SettingCatalog;
import io.github.dsvmpool.config.WindowsRules;
import io.github.dsvmpool.config.autoscale.TimeZones;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a Windows pool adds to {@link PoolSettingsValidator}: Windows's naming and credential rules
 * ({@link WindowsRules}) instead of the Linux ones, its own ports and drive letter, and a clear refusal of what only
 * the Linux pool has (SSH settings, NFS); the session and monitoring settings apply, with Windows agents. Settings a Windows pool
 * does not use and that cannot hurt ({@code mountPoint}, {@code notebookIdleTimeoutMinutes}, the SSH and JupyterHub
 * port ranges) are ignored, as docs/configuration.md says.
 */
public final class WindowsPoolValidator {
    /** A to C are the floppy and system drives. */
    static final Pattern DRIVE_LETTER = Pattern.compile("[D-Z]");

    private WindowsPoolValidator() {
    }

    /**
     * The settings' problems for a Windows pool; none for a Linux pool.
     *
     * @param settings the pool's settings
     * @param problems where the problems go
     */
    public static void checkSettings(PoolSettings settings, Problems problems) {
        if (!settings.operatingSystem().windows()) {
            return;
        }
        var scaleSet = settings.scaleSet();
        WindowsRules.checkComputerNamePrefix(SettingCatalog.COMPUTER_NAME_PREFIX.key(), scaleSet.computerNamePrefix(),
                problems);
        WindowsRules.checkAdminUsername(SettingCatalog.ADMIN_USERNAME.key(), scaleSet.adminUsername(), problems);
        WindowsRules.checkUsernameIsNoComputerName(SettingCatalog.ADMIN_USERNAME.key(), scaleSet.adminUsername(),
                scaleSet.computerNamePrefix(), problems);
        WindowsAccessPlan.validate(SettingCatalog.RDP_NAT_FIRST_PORT.key(), settings.operatingSystem().rdpNatFirstPort(),
                List.of(), problems);
        String letter = settings.operatingSystem().shareDriveLetter();
        if (letter == null || !DRIVE_LETTER.matcher(letter).matches()) {
            problems.add(SettingCatalog.SHARE_DRIVE_LETTER.key(), letter, "one capital letter from D to Z (A-C are"
                    + " the floppy and system drives)");
        }
        scaleSet.sshPasswordLogin().ifPresent(value -> problems.add(SettingCatalog.SSH_PASSWORD_LOGIN.key(), value,
                "no value on a Windows pool: users come in over Remote Desktop, there is no SSH"));
        if (settings.storage().protocol() == ShareProtocol.NFS) {
            problems.add(SettingCatalog.SHARE_PROTOCOL.key(), "NFS", "SMB on a Windows pool (the share is an SMB"
                    + " global mapping; docs/windows.md)");
        }
        // The Windows agent reads its hours with [TimeZoneInfo]::FindSystemTimeZoneById, which takes Windows IDs.
        if (settings.sessionProtectionEnabled() && settings.sessionTimeZone().flatMap(TimeZones::toWindows).isEmpty()) {
            problems.add(SettingCatalog.SESSIONS.key() + ".timeZone", settings.sessionTimeZone().orElse(""),
                    "a Windows time zone ID, or an IANA name with a known Windows ID, on a Windows pool (e.g."
                            + " W. Europe Standard Time or Europe/Berlin)");
        }
    }

    /**
     * Windows refuses a password that contains the admin name (WindowsRules), and a generated password is known only
     * once it exists: refuse a name a generated password would contain too often (about
     * {@link GeneratedPasswordPolicy#chanceOfContaining}), above one deployment in a million.
     *
     * @param settings        the pool's settings
     * @param passwordSetting the name of the password setting, which the message offers as the way out
     * @param problems        where the problem goes, under {@code adminUsername}
     */
    public static void checkNameAgainstAGeneratedPassword(PoolSettings settings, String passwordSetting,
                                                          Problems problems) {
        String name = settings.scaleSet().adminUsername();
        if (name == null || name.length() < WindowsRules.NAME_IN_PASSWORD_MIN) {
            return;
        }
        double chance = GeneratedPasswordPolicy.chanceOfContaining(name);
        if (chance > GeneratedPasswordPolicy.MAX_CHANCE_OF_CONTAINING_THE_NAME) {
            problems.add(SettingCatalog.ADMIN_USERNAME.key(), name, String.format(java.util.Locale.ROOT, "with a"
                    + " generated password (%s not set), a longer name: about 1 generated password in %,.0f would"
                    + " contain this one, and Windows refuses a password that contains the admin name; use 5 or more"
                    + " letters, or set %s", passwordSetting, 1 / chance, passwordSetting));
        }
    }

    /**
     * Whether the stack's or the component's admin name and password are checked by Windows's rules (else by
     * Linux's, {@link PoolArgumentRules#checkAdminPassword}), and the SSH keys refused.
     *
     * @param settings        the pool's settings
     * @param passwordSetting the name problems of the password are reported under
     * @param password        the password, empty when the pool generates one
     * @param keysSetting     the name problems of the keys are reported under
     * @param sshPublicKeys   the pool's SSH public keys
     * @param problems        where the problems go
     * @return true when the pool is a Windows pool (the caller then skips the Linux credential checks)
     */
    public static boolean checkCredentials(PoolSettings settings, String passwordSetting, Optional<String> password,
                                           String keysSetting, List<String> sshPublicKeys, Problems problems) {
        if (!settings.operatingSystem().windows()) {
            return false;
        }
        WindowsRules.checkAdminPassword(passwordSetting, password, settings.scaleSet().adminUsername(), problems);
        if (!sshPublicKeys.isEmpty()) {
            problems.add(keysSetting, sshPublicKeys.size() + " key(s)", "no keys on a Windows pool: users come in over"
                    + " Remote Desktop with the admin password or Entra ID (entraLogin)");
        }
        return true;
    }
}
