package io.github.dsvmpool.plans;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what is known offline about a VM size: the dated list in {@code vm-sizes.tsv}
 * (Learn's series pages) and, for a size the list does not know, Azure's naming convention.
 *
 * <p>Premium Storage: Azure refuses a Premium_LRS / Premium_ZRS disk on a size without Premium Storage support
 * ("storage account type 'Premium_LRS' is not supported for VM size 'Standard_D1_v2'", error InvalidParameter:
 * MicrosoftLearning/20533 issue 345, Azure/azure-xplat-cli issue 3008; microsoft/lisa PR 689 "the VM size
 * Standard_D1_v2 does not support the storage account type Premium_LRS"). Learn "Azure VM sizes naming
 * conventions": the lowercase additive feature {@code s} means Premium Storage capable (and "some newer sizes
 * without the attribute of s can still support Premium Storage, such as M128"), so for unlisted sizes the
 * convention decides only in one direction reliably: {@code s} = capable; no {@code s} = assumed not.
 */
public final class VmSizes {
    public static final String RESOURCE = "vm-sizes.tsv";
    /** Where the list lives in the source tree, for messages. */
    public static final String LIST_PATH = "src/component/src/main/resources/io/github/dsvmpool/plans/" + RESOURCE;

    /**
     * [Family][Subfamily][# vCPUs][-constrained vCPUs][additive features][_accelerator][_version]; the family
     * and subfamily are capitals (legacy DS/GS series carry their S there), the additive features lowercase.
     */
    private static final Pattern NAMING = Pattern.compile(
            "Standard_([A-Z]{1,3})(\\d{1,3})(?:-\\d{1,3})?([a-z]*)(?:_[A-Z][A-Za-z0-9]*)?(?:_v\\d{1,2})?");

    /**
     * One listed size.
     *
     * @param trustedLaunch whether Learn "Trusted Launch for Azure virtual machines" lists the size's family as
     *                      supported (Gen2 sizes only; NDasrA100_v4 "currently not supported")
     */
    public record VmSize(String name, int vcpus, int memory, boolean premiumStorage, Set<Integer> generations,
                         boolean trustedLaunch, String sourcePage) {
    }

    /** Whether a size takes premium disks, and how that was decided (the list, or the naming convention). */
    public record PremiumSupport(boolean supported, boolean listed) {
        public String basis() {
            return listed ? "the size list (" + SOURCE_SHORT + ", read " + READ + ")"
                    : "Azure's size naming convention (lowercase s = Premium Storage capable)";
        }
    }

    private static final Map<String, VmSize> SIZES;
    private static final Map<String, VmSize> BY_LOWER_NAME;
    public static final String READ;
    public static final String SOURCE_SHORT = "Microsoft Learn VM size series pages";

    static {
        var loaded = load();
        SIZES = Collections.unmodifiableMap(loaded.sizes);
        READ = loaded.read;
        Map<String, VmSize> lower = new LinkedHashMap<>();
        SIZES.values().forEach(size -> lower.put(size.name().toLowerCase(Locale.ROOT), size));
        BY_LOWER_NAME = Collections.unmodifiableMap(lower);
    }

    private VmSizes() {
    }

    /** Every listed size, in the file's order. */
    public static Map<String, VmSize> all() {
        return SIZES;
    }

    /** The listed size of that name; Azure matches size names case-insensitively, so does this. */
    public static Optional<VmSize> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether the name has the shape of Azure's naming convention (a listed size always may be used). */
    public static boolean followsNamingConvention(String name) {
        return name != null && NAMING.matcher(name).matches();
    }

    /**
     * Premium Storage support: from the list when listed, else from the naming convention; empty when the size
     * is neither listed nor named by the convention (nothing can be said offline).
     */
    public static Optional<PremiumSupport> premiumStorage(String name) {
        Optional<VmSize> listed = find(name);
        if (listed.isPresent()) {
            return Optional.of(new PremiumSupport(listed.get().premiumStorage(), true));
        }
        if (name == null) {
            return Optional.empty();
        }
        Matcher parts = NAMING.matcher(name);
        if (!parts.matches()) {
            return Optional.empty();
        }
        // The old DS and GS series spelt the premium S as a capital (Standard_DS2_v2, Standard_GS1).
        boolean legacyPremiumFamily = parts.group(1).equals("DS") || parts.group(1).equals("GS");
        return Optional.of(new PremiumSupport(parts.group(3).contains("s") || legacyPremiumFamily, false));
    }

    /** Premium_LRS, Premium_ZRS (and PremiumV2_LRS): disk types that need Premium Storage support. */
    public static boolean isPremiumDisk(String storageAccountType) {
        return storageAccountType != null && storageAccountType.startsWith("Premium");
    }

    /** A few listed sizes with premium storage, for messages. */
    public static String examples() {
        return "Standard_D2s_v3, Standard_D4s_v5, Standard_E8s_v5, Standard_F8s_v2, Standard_NC4as_T4_v3";
    }

    /**
     * Whether the size takes Trusted Launch: from the list; empty for an unlisted size (the naming convention says
     * nothing about it, so Azure decides at deployment).
     */
    public static Optional<Boolean> trustedLaunch(String name) {
        return find(name).map(VmSize::trustedLaunch);
    }

    /**
     * A GPU size (family N in the naming convention: NC, ND, NV). Learn "Trusted Launch for Azure virtual machines":
     * the GRID driver on Linux needs Secure Boot off, and the CUDA driver on a Secure Boot Ubuntu needs extra
     * signing steps, so GPU pools boot with vTPM but without Secure Boot.
     */
    public static boolean gpu(String name) {
        if (name == null) {
            return false;
        }
        Matcher parts = NAMING.matcher(name);
        return parts.matches() && parts.group(1).startsWith("N");
    }

    /** A few listed sizes that take Trusted Launch, for messages. */
    public static String trustedLaunchExamples() {
        return "Standard_D2s_v3, Standard_D4s_v5, Standard_E8s_v5, Standard_F8s_v2";
    }

    private static boolean yesOrNo(String cell) {
        return cell.equals("yes") || cell.equals("no");
    }

    private record Loaded(Map<String, VmSize> sizes, String read) {
    }

    private static Loaded load() {
        Map<String, VmSize> sizes = new LinkedHashMap<>();
        String read = null;
        try (InputStream in = VmSizes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LIST_PATH);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("# read: ")) {
                    read = line.substring("# read: ".length()).trim();
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 7 || !yesOrNo(cells[3]) || !yesOrNo(cells[5])) {
                    throw new IllegalStateException(LIST_PATH + ": bad line: " + line);
                }
                Set<Integer> generations = new TreeSet<>();
                for (String generation : cells[4].split(",")) {
                    generations.add(Integer.parseInt(generation.trim()));
                }
                var size = new VmSize(cells[0], Integer.parseInt(cells[1]), Integer.parseInt(cells[2]),
                        cells[3].equals("yes"), Collections.unmodifiableSet(generations), cells[5].equals("yes"),
                        cells[6]);
                if (sizes.put(size.name(), size) != null) {
                    throw new IllegalStateException(LIST_PATH + ": listed twice: " + size.name());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read == null) {
            throw new IllegalStateException(LIST_PATH + ": no '# read: <date>' line");
        }
        return new Loaded(sizes, read);
    }
}
