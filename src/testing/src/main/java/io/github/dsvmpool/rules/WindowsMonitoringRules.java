package io.github.dsvmpool.rules;

import io.github.dsvmpool.offline.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Windows side of monitoring, registered in {@link AzureRules}: Windows event queries a data collection rule
 * can run, and a rule that fits the operating system of the scale set it is associated with. Linux graphs hold
 * the first trivially (no event queries).
 */
final class WindowsMonitoringRules {
    /** Learn "Collect Windows events with Azure Monitor Agent": data collection rules take up to 20 expressions. */
    static final int MAX_EXPRESSIONS = 20;
    /** {@code LogName!XPathQuery}: a log name, an exclamation mark, the query. */
    static final Pattern ENTRY = Pattern.compile("([^!\\s][^!]*)!(\\S.*)");
    /** Comparisons count as expressions (Get-WinEvent's and the DCR's limit counts them). */
    static final Pattern COMPARISON = Pattern.compile("!=|<=|>=|=|<|>");
    /** Learn: "starts-with" and "contains" are not supported (XPath 1.0 limitations of the event log). */
    static final Pattern UNSUPPORTED = Pattern.compile("\\b(starts-with|contains|substring|string-length)\\s*\\(");
    /** Object names only Linux's agent knows (Windows: LogicalDisk, Network Interface) and Linux-only counters. */
    static final Set<String> LINUX_OBJECTS = Set.of("Logical Disk", "Network");
    static final Set<String> LINUX_COUNTERS = Set.of("% Used Memory", "Available MBytes Memory", "% Used Space",
            "Total Bytes Transmitted", "Total Bytes Received");
    /** Object names only Windows has. */
    static final Set<String> WINDOWS_OBJECTS = Set.of("LogicalDisk", "PhysicalDisk", "Network Interface",
            "Network Adapter", "Processor Information", "Paging File");
    static final Pattern COUNTER = Pattern.compile("\\\\([^\\\\(]+)(?:\\([^)]*\\))?\\\\(.+)");

    static final String EVENTS_SOURCE = "Learn \"Collect Windows events with Azure Monitor Agent\" (LogName!XPathQuery,"
            + " up to 20 expressions, XPath 1.0 limitations: no starts-with or contains)";
    static final String OS_SOURCE = "REST spec monitor dataCollectionRules_API.json (kind 'Linux' | 'Windows');"
            + " Learn \"Collect Syslog events\" (Linux) and \"Collect Windows events\" (Windows only); Learn \"Collect"
            + " Windows and Linux performance data sources\" (Linux objects Logical Disk, Network; Windows LogicalDisk)";

    private WindowsMonitoringRules() {
    }

    static List<AzureRule> rules() {
        return List.of(
                new AzureRule("dcr-windows-event-queries",
                        "A data collection rule's Windows event queries are LogName!XPathQuery with balanced brackets"
                                + " and quotes, at most 20 expressions each, and no starts-with or contains",
                        EVENTS_SOURCE, "(the agent collects none of that query's events; Learn: a faulty XPath fails"
                                + " its query)", Basis.CONFIRMED, WindowsMonitoringRules::eventQueries),
                new AzureRule("dcr-matches-agent-os",
                        "A data collection rule associated with a Windows scale set is of kind Windows (or none), has"
                                + " no syslog and no Linux counter names; one associated with a Linux scale set is of"
                                + " kind Linux (or none), has no Windows event logs and no Windows-only counter objects",
                        OS_SOURCE, "(Azure accepts it; the agent collects nothing of what does not fit its OS)",
                        Basis.INFERRED, WindowsMonitoringRules::matchesOs));
    }

    private static void eventQueries(ResourceGraph graph, Findings findings) {
        for (Registration rule : graph.ofType(MonitoringRules.DCR)) {
            List<Object> sources = Values.list(Values.map(rule.inputs(), "dataSources"), "windowsEventLogs");
            for (int index = 0; index < sources.size(); index++) {
                List<Object> queries = Values.list(Values.map(sources.get(index)), "xPathQueries");
                String path = "dataSources.windowsEventLogs[" + index + "].xPathQueries";
                if (queries.isEmpty()) {
                    findings.add(rule, path, "the event source has no query", "add LogName!XPathQuery entries");
                }
                for (int entry = 0; entry < queries.size(); entry++) {
                    problem(String.valueOf(Values.reveal(queries.get(entry)))).ifPresent(problem -> findings.add(rule,
                            path, problem, "write LogName!*[System[...]] within the event log's XPath 1.0 subset"));
                }
            }
        }
    }

    static Optional<String> problem(String entry) {
        Matcher matcher = ENTRY.matcher(entry);
        if (!matcher.matches()) {
            return Optional.of("'" + entry + "' is not LogName!XPathQuery");
        }
        String query = matcher.group(2);
        if (!balanced(query)) {
            return Optional.of("'" + entry + "' has unbalanced brackets, parentheses or quotes");
        }
        if (UNSUPPORTED.matcher(query).find()) {
            return Optional.of("'" + entry + "' uses a function the event log's XPath does not support");
        }
        long expressions = COMPARISON.matcher(query).results().count();
        if (expressions > MAX_EXPRESSIONS) {
            return Optional.of("'" + matcher.group(1) + "!...' has " + expressions + " expressions");
        }
        return Optional.empty();
    }

    private static boolean balanced(String query) {
        StringBuilder open = new StringBuilder();
        char quote = 0;
        for (char c : query.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                open.append(c);
            } else if (c == ']' || c == ')') {
                if (open.isEmpty() || open.charAt(open.length() - 1) != (c == ']' ? '[' : '(')) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return quote == 0 && open.isEmpty();
    }

    private static void matchesOs(ResourceGraph graph, Findings findings) {
        for (Registration association : graph.ofType(MonitoringRules.DCR_ASSOCIATION)) {
            Optional<Registration> scaleSet = Values.string(association.inputs(), "resourceUri").flatMap(graph::resolve)
                    .map(SubResource::resource).filter(r -> r.type().equals(ResourceGraph.SCALE_SET));
            Optional<Registration> rule = Values.string(association.inputs(), "dataCollectionRuleId")
                    .flatMap(graph::resolve).map(SubResource::resource)
                    .filter(r -> r.type().equals(MonitoringRules.DCR));
            if (scaleSet.isEmpty() || rule.isEmpty()) {
                continue; // dcr-association-target reports it
            }
            system(graph, scaleSet.get()).ifPresent(windows -> check(rule.get(), windows, findings));
        }
    }

    /** Windows (true) or Linux (false) by the OS profile, else by the agent the scale set runs; empty: unknown. */
    private static Optional<Boolean> system(ResourceGraph graph, Registration scaleSet) {
        Map<String, Object> os = Values.map(Values.map(scaleSet.inputs(), "virtualMachineProfile"), "osProfile");
        if (Values.has(os, "windowsConfiguration") || Values.has(os, "linuxConfiguration")) {
            return Optional.of(Values.has(os, "windowsConfiguration"));
        }
        return MonitoringRules.agents(graph).stream().filter(agent -> agent.scaleSet().urn().equals(scaleSet.urn()))
                .map(agent -> Values.lower(Values.stringOr(agent.inputs(), "type", "")))
                .filter(type -> type.contains("windows") || type.contains("linux"))
                .map(type -> type.contains("windows")).findFirst();
    }

    private static void check(Registration rule, boolean windows, Findings findings) {
        String system = windows ? "Windows" : "Linux";
        String kind = Values.stringOr(rule.inputs(), "kind", system);
        if (!kind.equalsIgnoreCase(system)) {
            findings.add(rule, "kind", "the rule is of kind " + kind + " but serves a " + system + " scale set",
                    "set kind " + system);
        }
        Map<String, Object> sources = Values.map(rule.inputs(), "dataSources");
        String foreign = windows ? "syslog" : "windowsEventLogs";
        if (!Values.list(sources, foreign).isEmpty()) {
            findings.add(rule, "dataSources." + foreign, "a " + system + " scale set's rule collects " + foreign,
                    windows ? "collect windowsEventLogs" : "collect syslog");
        }
        List<Object> counterSources = Values.list(sources, "performanceCounters");
        for (int index = 0; index < counterSources.size(); index++) {
            for (Object raw : Values.list(Values.map(counterSources.get(index)), "counterSpecifiers")) {
                Matcher counter = COUNTER.matcher(String.valueOf(Values.reveal(raw)));
                boolean wrong = counter.matches() && (windows
                        ? LINUX_OBJECTS.contains(counter.group(1)) || LINUX_COUNTERS.contains(counter.group(2))
                        : WINDOWS_OBJECTS.contains(counter.group(1)));
                if (wrong) {
                    findings.add(rule, "dataSources.performanceCounters[" + index + "].counterSpecifiers",
                            "the counter " + raw + " does not exist on " + system, "use " + system + "'s counter names");
                }
            }
        }
    }
}
