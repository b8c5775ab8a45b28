package io.github.dsvmpool.rules;

import static io.github.dsvmpool.rules.Pools.VMSS;
import static io.github.dsvmpool.rules.TestGraph.list;
import static io.github.dsvmpool.rules.TestGraph.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The monitored Windows pool of the rules table ({@link MonitoringCases#monitored()} turned Windows as PoolMonitoring
 * declares it: the Windows script and health extensions, the Windows agent, a Windows rule of event logs and Windows
 * counters) and the graphs that break the Windows monitoring rules, each its rule alone.
 */
final class WindowsMonitoringCases {
    static final String DCR = MonitoringCases.DCR;
    static final String QUERIES = "dataSources.windowsEventLogs[0].xPathQueries";
    static final String COUNTERS = "dataSources.performanceCounters[0].counterSpecifiers";

    private WindowsMonitoringCases() {
    }

    static TestGraph monitoredWindows() {
        TestGraph graph = MonitoringCases.monitored();
        Map<String, Object> agent = MonitoringCases.agent(graph);
        Map<String, Object> windows = WindowsScaleSetRulesTest.windowsPool().at(VMSS, "virtualMachineProfile");
        Map<String, Object> profile = graph.at(VMSS, "virtualMachineProfile");
        profile.put("osProfile", windows.get("osProfile"));
        profile.put("extensionProfile", windows.get("extensionProfile"));
        agent.put("type", "AzureMonitorWindowsAgent");
        agent.put("typeHandlerVersion", "1.23");
        graph.listAt(VMSS, WindowsCases.EXTENSIONS).add(agent);
        graph.inputs(DCR).put("kind", "Windows");
        graph.inputs(DCR).put("dataSources", map(
                "windowsEventLogs", list(map("name", "events", "streams", list("Microsoft-Event"),
                        "xPathQueries", list("Application!*[System[Provider[@Name='dsvm-pool']]]",
                                "System!*[System[(Level=1 or Level=2 or Level=3)]]"))),
                "performanceCounters", list(map("name", "performance", "streams", list("Microsoft-Perf"),
                        "samplingFrequencyInSeconds", 60L,
                        "counterSpecifiers", list("\\Processor(_Total)\\% Processor Time", "\\Memory\\Available MBytes",
                                "\\LogicalDisk(_Total)\\% Free Space")))));
        graph.at(DCR, "dataFlows[0]").put("streams", list("Microsoft-Event", "Microsoft-Perf"));
        return graph;
    }

    static List<BreakingCases.Case> all() {
        List<BreakingCases.Case> cases = new ArrayList<>();
        Adder add = (rule, description, start, property, change) -> cases.add(new BreakingCases.Case(description,
                rule, DCR, property, Set.of(rule), start, change));
        Supplier<TestGraph> windows = WindowsMonitoringCases::monitoredWindows;
        add.to("dcr-windows-event-queries", "a query without its log name", windows, QUERIES,
                g -> query(g, "*[System[(Level=1)]]"));
        add.to("dcr-windows-event-queries", "an unclosed bracket", windows, QUERIES,
                g -> query(g, "System!*[System[(Level=1)]"));
        add.to("dcr-windows-event-queries", "an unclosed quote", windows, QUERIES,
                g -> query(g, "Application!*[System[Provider[@Name='dsvm-pool]]]"));
        add.to("dcr-windows-event-queries", "contains(), which the event log does not support", windows, QUERIES,
                g -> query(g, "Application!*[System[contains(Provider/@Name, 'dsvm')]]"));
        add.to("dcr-windows-event-queries", "21 event ids in one query", windows, QUERIES,
                g -> query(g, "System!*[System[" + String.join(" or ", java.util.stream.IntStream.rangeClosed(1, 21)
                        .mapToObj(id -> "EventID=" + id).toList()) + "]]"));
        add.to("dcr-matches-agent-os", "a Linux rule on the Windows scale set", windows, "kind",
                g -> g.inputs(DCR).put("kind", "Linux"));
        add.to("dcr-matches-agent-os", "the Linux memory counter on Windows", windows, COUNTERS,
                g -> g.at(DCR, "dataSources.performanceCounters[0]").put("counterSpecifiers",
                        list("\\Memory(*)\\% Used Memory")));
        add.to("dcr-matches-agent-os", "syslog on the Windows scale set", windows, "dataSources.syslog",
                g -> g.at(DCR, "dataSources").put("syslog", list(map("name", "system", "streams",
                        list("Microsoft-Syslog"), "facilityNames", list("daemon"), "logLevels", list("Error")))));
        add.to("dcr-matches-agent-os", "Windows events on the Linux scale set", MonitoringCases::monitored,
                "dataSources.windowsEventLogs", g -> g.at(DCR, "dataSources").put("windowsEventLogs",
                        list(map("name", "events", "streams", list("Microsoft-Event"),
                                "xPathQueries", list("System!*[System[(Level=1)]]")))));
        add.to("dcr-matches-agent-os", "a Windows disk counter on Linux", MonitoringCases::monitored, COUNTERS,
                g -> g.at(DCR, "dataSources.performanceCounters[0]").put("counterSpecifiers",
                        list("\\LogicalDisk(_Total)\\% Free Space")));
        add.to("dcr-destination", "Windows events flow but no source collects them", windows,
                "dataFlows[0].streams", g -> g.at(DCR, "dataSources").remove("windowsEventLogs"));
        return cases;
    }

    private static void query(TestGraph graph, String query) {
        graph.at(DCR, "dataSources.windowsEventLogs[0]").put("xPathQueries", list(query));
    }

    @FunctionalInterface
    private interface Adder {
        void to(String rule, String description, Supplier<TestGraph> start, String property,
                Consumer<TestGraph> change);
    }
}
