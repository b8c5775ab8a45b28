package io.github.dsvmpool.config.autoscale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Azure autoscale schedules take Windows time zone IDs ({@code W. Europe Standard Time}), not IANA names
 * ({@code Europe/Berlin}). This class accepts both: Windows IDs exactly as Azure spells them (the list in the
 * Azure Monitor autoscale API reference, {@code RecurrentSchedule.timeZone}), and the common IANA names,
 * translated after the CLDR windowsZones table.
 */
public final class TimeZones {

    /** The Windows IDs listed as valid in the Azure Monitor autoscale API reference, in its order. */
    private static final Set<String> WINDOWS_IDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "Dateline Standard Time", "UTC-11", "Hawaiian Standard Time", "Alaskan Standard Time",
            "Pacific Standard Time (Mexico)", "Pacific Standard Time", "US Mountain Standard Time",
            "Mountain Standard Time (Mexico)", "Mountain Standard Time", "Central America Standard Time",
            "Central Standard Time", "Central Standard Time (Mexico)", "Canada Central Standard Time",
            "SA Pacific Standard Time", "Eastern Standard Time", "US Eastern Standard Time",
            "Venezuela Standard Time", "Paraguay Standard Time", "Atlantic Standard Time",
            "Central Brazilian Standard Time", "SA Western Standard Time", "Pacific SA Standard Time",
            "Newfoundland Standard Time", "E. South America Standard Time", "Argentina Standard Time",
            "SA Eastern Standard Time", "Greenland Standard Time", "Montevideo Standard Time",
            "Bahia Standard Time", "UTC-02", "Mid-Atlantic Standard Time", "Azores Standard Time",
            "Cape Verde Standard Time", "Morocco Standard Time", "UTC", "GMT Standard Time",
            "Greenwich Standard Time", "W. Europe Standard Time", "Central Europe Standard Time",
            "Romance Standard Time", "Central European Standard Time", "W. Central Africa Standard Time",
            "Namibia Standard Time", "Jordan Standard Time", "GTB Standard Time", "Middle East Standard Time",
            "Egypt Standard Time", "Syria Standard Time", "E. Europe Standard Time", "South Africa Standard Time",
            "FLE Standard Time", "Turkey Standard Time", "Israel Standard Time", "Kaliningrad Standard Time",
            "Libya Standard Time", "Arabic Standard Time", "Arab Standard Time", "Belarus Standard Time",
            "Russian Standard Time", "E. Africa Standard Time", "Iran Standard Time", "Arabian Standard Time",
            "Azerbaijan Standard Time", "Russia Time Zone 3", "Mauritius Standard Time", "Georgian Standard Time",
            "Caucasus Standard Time", "Afghanistan Standard Time", "West Asia Standard Time",
            "Ekaterinburg Standard Time", "Pakistan Standard Time", "India Standard Time",
            "Sri Lanka Standard Time", "Nepal Standard Time", "Central Asia Standard Time",
            "Bangladesh Standard Time", "N. Central Asia Standard Time", "Myanmar Standard Time",
            "SE Asia Standard Time", "North Asia Standard Time", "China Standard Time",
            "North Asia East Standard Time", "Singapore Standard Time", "W. Australia Standard Time",
            "Taipei Standard Time", "Ulaanbaatar Standard Time", "Tokyo Standard Time", "Korea Standard Time",
            "Yakutsk Standard Time", "Cen. Australia Standard Time", "AUS Central Standard Time",
            "E. Australia Standard Time", "AUS Eastern Standard Time", "West Pacific Standard Time",
            "Tasmania Standard Time", "Magadan Standard Time", "Vladivostok Standard Time", "Russia Time Zone 10",
            "Central Pacific Standard Time", "Russia Time Zone 11", "New Zealand Standard Time", "UTC+12",
            "Fiji Standard Time", "Kamchatka Standard Time", "Tonga Standard Time", "Samoa Standard Time",
            "Line Islands Standard Time")));

    /** Common IANA names and their Windows ID (CLDR windowsZones). */
    private static final Map<String, String> IANA_TO_WINDOWS = ianaTable();

    private TimeZones() {
    }

    /** The Windows ID Azure expects for {@code configured}, or empty when it is neither a listed Windows ID nor a known IANA name. */
    public static Optional<String> toWindows(String configured) {
        if (configured == null) {
            return Optional.empty();
        }
        if (WINDOWS_IDS.contains(configured)) {
            return Optional.of(configured);
        }
        return Optional.ofNullable(IANA_TO_WINDOWS.get(configured));
    }

    /**
     * The IANA name for a Windows ID (the first of the CLDR windowsZones names this table lists for it, e.g.
     * {@code W. Europe Standard Time} to {@code Europe/Berlin}); an IANA name is returned as it is. Empty when the
     * table knows no IANA name for it. The session agent on the VMs needs IANA names (Python's zoneinfo).
     */
    public static Optional<String> toIana(String configured) {
        if (configured == null) {
            return Optional.empty();
        }
        if (IANA_TO_WINDOWS.containsKey(configured)) {
            return Optional.of(configured);
        }
        return IANA_TO_WINDOWS.entrySet().stream().filter(entry -> entry.getValue().equals(configured))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Names spelled like {@code configured} but for case (Azure matches Windows IDs case-sensitively). */
    public static List<String> suggestionsFor(String configured) {
        List<String> suggestions = new ArrayList<>();
        if (configured == null) {
            return suggestions;
        }
        String wanted = configured.trim().toLowerCase(Locale.ROOT);
        for (String id : WINDOWS_IDS) {
            if (id.toLowerCase(Locale.ROOT).equals(wanted)) {
                suggestions.add(id);
            }
        }
        for (String iana : IANA_TO_WINDOWS.keySet()) {
            if (iana.toLowerCase(Locale.ROOT).equals(wanted)) {
                suggestions.add(iana);
            }
        }
        return suggestions;
    }

    public static Set<String> windowsIds() {
        return WINDOWS_IDS;
    }

    public static Map<String, String> ianaNames() {
        return IANA_TO_WINDOWS;
    }

    private static Map<String, String> ianaTable() {
        Map<String, String> table = new LinkedHashMap<>();
        // UTC and its aliases
        put(table, "UTC", "UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu");
        // Europe
        put(table, "GMT Standard Time", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Atlantic/Canary",
                "Atlantic/Madeira", "Atlantic/Faroe", "Europe/Guernsey", "Europe/Isle_of_Man", "Europe/Jersey");
        put(table, "Greenwich Standard Time", "Atlantic/Reykjavik", "Africa/Abidjan", "Africa/Accra", "Africa/Dakar");
        put(table, "W. Europe Standard Time", "Europe/Berlin", "Europe/Amsterdam", "Europe/Zurich", "Europe/Vienna",
                "Europe/Rome", "Europe/Stockholm", "Europe/Oslo", "Europe/Luxembourg", "Europe/Monaco",
                "Europe/Malta", "Europe/Andorra", "Europe/Vaduz", "Europe/San_Marino", "Europe/Vatican",
                "Europe/Gibraltar", "Europe/Busingen", "Arctic/Longyearbyen");
        put(table, "Romance Standard Time", "Europe/Paris", "Europe/Brussels", "Europe/Madrid", "Europe/Copenhagen",
                "Africa/Ceuta");
        put(table, "Central European Standard Time", "Europe/Warsaw", "Europe/Zagreb", "Europe/Sarajevo",
                "Europe/Skopje");
        put(table, "Central Europe Standard Time", "Europe/Prague", "Europe/Budapest", "Europe/Belgrade",
                "Europe/Bratislava", "Europe/Ljubljana", "Europe/Podgorica", "Europe/Tirane");
        put(table, "GTB Standard Time", "Europe/Athens", "Europe/Bucharest", "Asia/Nicosia", "Europe/Nicosia");
        put(table, "FLE Standard Time", "Europe/Helsinki", "Europe/Kyiv", "Europe/Kiev", "Europe/Riga",
                "Europe/Sofia", "Europe/Tallinn", "Europe/Vilnius", "Europe/Mariehamn");
        put(table, "E. Europe Standard Time", "Europe/Chisinau");
        put(table, "Turkey Standard Time", "Europe/Istanbul");
        put(table, "Kaliningrad Standard Time", "Europe/Kaliningrad");
        put(table, "Russian Standard Time", "Europe/Moscow", "Europe/Simferopol");
        put(table, "Belarus Standard Time", "Europe/Minsk");
        // Africa and the Middle East
        put(table, "Morocco Standard Time", "Africa/Casablanca");
        put(table, "W. Central Africa Standard Time", "Africa/Lagos", "Africa/Algiers", "Africa/Tunis");
        put(table, "Namibia Standard Time", "Africa/Windhoek");
        put(table, "Egypt Standard Time", "Africa/Cairo");
        put(table, "Libya Standard Time", "Africa/Tripoli");
        put(table, "South Africa Standard Time", "Africa/Johannesburg", "Africa/Maputo", "Africa/Harare");
        put(table, "E. Africa Standard Time", "Africa/Nairobi", "Africa/Addis_Ababa", "Africa/Kampala",
                "Africa/Dar_es_Salaam");
        put(table, "Israel Standard Time", "Asia/Jerusalem");
        put(table, "Jordan Standard Time", "Asia/Amman");
        put(table, "Middle East Standard Time", "Asia/Beirut");
        put(table, "Syria Standard Time", "Asia/Damascus");
        put(table, "Arabic Standard Time", "Asia/Baghdad");
        put(table, "Arab Standard Time", "Asia/Riyadh", "Asia/Qatar", "Asia/Kuwait", "Asia/Bahrain");
        put(table, "Arabian Standard Time", "Asia/Dubai", "Asia/Muscat");
        put(table, "Iran Standard Time", "Asia/Tehran");
        // Asia-Pacific
        put(table, "Azerbaijan Standard Time", "Asia/Baku");
        put(table, "Georgian Standard Time", "Asia/Tbilisi");
        put(table, "Caucasus Standard Time", "Asia/Yerevan");
        put(table, "Mauritius Standard Time", "Indian/Mauritius");
        put(table, "Afghanistan Standard Time", "Asia/Kabul");
        put(table, "West Asia Standard Time", "Asia/Tashkent", "Asia/Samarkand", "Indian/Maldives");
        put(table, "Ekaterinburg Standard Time", "Asia/Yekaterinburg");
        put(table, "Pakistan Standard Time", "Asia/Karachi");
        put(table, "India Standard Time", "Asia/Kolkata", "Asia/Calcutta");
        put(table, "Sri Lanka Standard Time", "Asia/Colombo");
        put(table, "Nepal Standard Time", "Asia/Kathmandu");
        put(table, "Central Asia Standard Time", "Asia/Almaty", "Asia/Bishkek");
        put(table, "Bangladesh Standard Time", "Asia/Dhaka");
        put(table, "N. Central Asia Standard Time", "Asia/Novosibirsk");
        put(table, "Myanmar Standard Time", "Asia/Yangon", "Asia/Rangoon");
        put(table, "SE Asia Standard Time", "Asia/Bangkok", "Asia/Jakarta", "Asia/Ho_Chi_Minh", "Asia/Saigon",
                "Asia/Phnom_Penh", "Asia/Vientiane");
        put(table, "North Asia Standard Time", "Asia/Krasnoyarsk");
        put(table, "China Standard Time", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Macau");
        put(table, "North Asia East Standard Time", "Asia/Irkutsk");
        put(table, "Singapore Standard Time", "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Manila",
                "Asia/Makassar", "Asia/Brunei");
        put(table, "Taipei Standard Time", "Asia/Taipei");
        put(table, "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar");
        put(table, "Tokyo Standard Time", "Asia/Tokyo");
        put(table, "Korea Standard Time", "Asia/Seoul");
        put(table, "Yakutsk Standard Time", "Asia/Yakutsk");
        put(table, "Vladivostok Standard Time", "Asia/Vladivostok");
        put(table, "Magadan Standard Time", "Asia/Magadan");
        put(table, "W. Australia Standard Time", "Australia/Perth");
        put(table, "Cen. Australia Standard Time", "Australia/Adelaide");
        put(table, "AUS Central Standard Time", "Australia/Darwin");
        put(table, "E. Australia Standard Time", "Australia/Brisbane");
        put(table, "AUS Eastern Standard Time", "Australia/Sydney", "Australia/Melbourne", "Australia/Canberra");
        put(table, "Tasmania Standard Time", "Australia/Hobart");
        put(table, "West Pacific Standard Time", "Pacific/Port_Moresby", "Pacific/Guam");
        put(table, "Central Pacific Standard Time", "Pacific/Guadalcanal", "Pacific/Noumea");
        put(table, "New Zealand Standard Time", "Pacific/Auckland");
        put(table, "Fiji Standard Time", "Pacific/Fiji");
        put(table, "Tonga Standard Time", "Pacific/Tongatapu");
        put(table, "Samoa Standard Time", "Pacific/Apia");
        put(table, "Line Islands Standard Time", "Pacific/Kiritimati");
        put(table, "Hawaiian Standard Time", "Pacific/Honolulu");
        // Americas
        put(table, "Alaskan Standard Time", "America/Anchorage");
        put(table, "Pacific Standard Time", "America/Los_Angeles", "America/Vancouver");
        put(table, "Pacific Standard Time (Mexico)", "America/Tijuana");
        put(table, "US Mountain Standard Time", "America/Phoenix");
        put(table, "Mountain Standard Time", "America/Denver", "America/Edmonton", "America/Boise");
        put(table, "Mountain Standard Time (Mexico)", "America/Mazatlan");
        put(table, "Central Standard Time", "America/Chicago", "America/Winnipeg");
        put(table, "Central Standard Time (Mexico)", "America/Mexico_City", "America/Monterrey");
        put(table, "Canada Central Standard Time", "America/Regina");
        put(table, "Central America Standard Time", "America/Guatemala", "America/Costa_Rica",
                "America/El_Salvador", "America/Tegucigalpa", "America/Managua");
        put(table, "Eastern Standard Time", "America/New_York", "America/Toronto", "America/Detroit",
                "America/Montreal", "America/Nassau");
        put(table, "US Eastern Standard Time", "America/Indiana/Indianapolis", "America/Indianapolis");
        put(table, "SA Pacific Standard Time", "America/Bogota", "America/Lima", "America/Panama");
        put(table, "Venezuela Standard Time", "America/Caracas");
        put(table, "Atlantic Standard Time", "America/Halifax", "Atlantic/Bermuda");
        put(table, "Paraguay Standard Time", "America/Asuncion");
        put(table, "Central Brazilian Standard Time", "America/Cuiaba");
        put(table, "SA Western Standard Time", "America/La_Paz", "America/Puerto_Rico", "America/Santo_Domingo");
        put(table, "Pacific SA Standard Time", "America/Santiago");
        put(table, "Newfoundland Standard Time", "America/St_Johns");
        put(table, "E. South America Standard Time", "America/Sao_Paulo");
        put(table, "Argentina Standard Time", "America/Argentina/Buenos_Aires", "America/Buenos_Aires");
        put(table, "SA Eastern Standard Time", "America/Cayenne", "America/Fortaleza");
        put(table, "Greenland Standard Time", "America/Nuuk", "America/Godthab");
        put(table, "Montevideo Standard Time", "America/Montevideo");
        put(table, "Bahia Standard Time", "America/Bahia");
        put(table, "Azores Standard Time", "Atlantic/Azores");
        put(table, "Cape Verde Standard Time", "Atlantic/Cape_Verde");
        return Collections.unmodifiableMap(table);
    }

    private static void put(Map<String, String> table, String windowsId, String... ianaNames) {
        for (String iana : ianaNames) {
            table.put(iana, windowsId);
        }
    }
}
