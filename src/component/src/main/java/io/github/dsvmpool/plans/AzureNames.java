package io.github.dsvmpool.plans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Azure naming rules and the names this project derives. Globally unique names (storage account, DNS label)
 * get a suffix hashed from the project, stack and component name: stable across updates (a new name would
 * replace the account and its data) yet different for every stack and pool.
 */
public final class AzureNames {
    /** 3-24 lowercase letters and digits, globally unique. */
    public static final Pattern STORAGE_ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    /** 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
    public static final Pattern SHARE = Pattern.compile("(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*");
    /** Public IP DNS label: starts with a letter, ends with a letter or digit, 3-63 characters. */
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z][a-z0-9-]{1,61}[a-z0-9]");
    /** Kept to 9 characters, as the original template did, so instance names stay short in prompts and logs. */
    public static final Pattern COMPUTER_NAME_PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,7}[a-z0-9]|[a-z]");
    /** Azure region names as the Resource Manager API spells them, e.g. westeurope. */
    public static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9]{2,39}");

    static final int HASH_CHARACTERS = 8;

    private AzureNames() {
    }

    /** A storage account name: the letters and digits of {@code prefix} (at most 16) and an 8-character hash. */
    public static String storageAccountName(String prefix, String seed) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String head = cleaned.substring(0, Math.min(cleaned.length(), 24 - HASH_CHARACTERS));
        return head + hash(seed);
    }

    /**
     * A Key Vault name: 3-24 characters, letters, digits and single hyphens, starting with a letter and ending
     * with a letter or digit, globally unique (Learn "Key Vault naming": VaultNameNotValid otherwise): the
     * prefix's letters and digits, "kv" and the 8-character hash.
     */
    public static String keyVaultName(String prefix, String seed) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replaceAll("^[0-9]+", "");
        String head = cleaned.substring(0, Math.min(cleaned.length(), 24 - HASH_CHARACTERS - 2));
        return (head.isEmpty() ? "pool" : head) + "kv" + hash(seed);
    }

    public static final Pattern KEY_VAULT = Pattern.compile("(?=.{3,24}$)[a-zA-Z](-?[a-zA-Z0-9])*");

    /** A DNS label: {@code prefix} made DNS-safe (at most 54 characters), a hyphen and an 8-character hash. */
    public static String dnsLabel(String prefix, String seed) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-")
                .replaceAll("^[^a-z]+", "").replaceAll("-$", "");
        String head = cleaned.isEmpty() ? "pool" : cleaned.substring(0, Math.min(cleaned.length(), 54));
        return head.replaceAll("-$", "") + "-" + hash(seed);
    }

    /**
     * The load balancer's name, unique in a resource group shared by several pools or stacks:
     * {@code <prefix>-lb-<hash>}, at most 32 characters for a pool name of at most 20.
     */
    public static String loadBalancerName(String prefix, String seed) {
        return prefix + "-lb-" + hash(seed);
    }

    /** First 8 hex characters of the SHA-256 of {@code seed}. */
    static String hash(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
