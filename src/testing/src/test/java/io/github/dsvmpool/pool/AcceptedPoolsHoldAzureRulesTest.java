package io.github.dsvmpool.pool;

import io.github.dsvmpool.plans.PoolSettingsValidator;

import io.github.dsvmpool.plans.HealthPlan;

import static org.assertj.core.api.Assertions.assertThat;
import net.jqwik.api.Tag;

import io.github.dsvmpool.config.OutboundType;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.Registration;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.plans.SubnetPlan;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.rules.AzureRules;
import io.github.dsvmpool.rules.RuleReport;
import io.github.dsvmpool.vm.ShareProtocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Across the space the validator accepts, the component declares a graph that keeps every Azure rule; what it
 * refuses declares no Azure resource at all. Pools of 1 and 1,000 VMs are always among the tries.
 */
// jqwik's own tag: its engine does not read JUnit Jupiter's (the class ran in ./mvnw test with that one).
@Tag("slow") // ./mvnw verify: hundreds of generated pools through the mock engine (10-70 s)
class AcceptedPoolsHoldAzureRulesTest {
    static final StackFile EMPTY_STACK = new StackFile("generated", Map.of(), Set.of());
    static final String PASSWORD = "Generated-Password-42";

    /** A pool's settings and whether the validator accepts them. */
    record Candidate(PoolSettings settings, List<String> problems) {
        @Override
        public String toString() {
            var pool = settings;
            return "max=" + pool.scaleSet().instanceCounts().maximum() + " outbound=" + pool.outbound()
                    + " poolEntry=" + pool.loadBalancer().poolEntry() + " ssh=" + pool.loadBalancer().sshNatFirstPort()
                    + " jupyter=" + pool.loadBalancer().jupyterNatFirstPort() + " storage=" + pool.storage().sku() + "/"
                    + pool.storage().protocol() + " schedule=" + pool.autoscale().isPresent() + " health="
                    + HealthPlan.of(pool) + " os=" + pool.operatingSystem() + " problems=" + problems;
        }
    }

    @Property(tries = 300)
    void everyAcceptedPoolKeepsEveryAzureRule(@ForAll("pools") Candidate candidate) {
        Statistics.label("validator").collect(candidate.problems().isEmpty() ? "accepted" : "refused");
        Statistics.label("outbound").collect(candidate.settings().outbound().type());
        Statistics.label("os").collect(candidate.settings().operatingSystem().system());
        Statistics.label("monitoring").collect(candidate.settings().monitoring().enabled(candidate.settings().production()));
        var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("gen", DsvmPoolArgs.builder()
                .settings(candidate.settings()).adminPassword(PASSWORD).build()));
        if (!candidate.problems().isEmpty()) {
            assertThat(outcome.result().exitCode()).isNotZero();
            assertThat(outcome.registrations()).noneMatch(Registration::custom);
            return;
        }
        assertThat(outcome.result().exceptions()).as("%s%n%s", candidate, traces(outcome.result().exceptions()))
                .isEmpty();
        RuleReport report = AzureRules.check(outcome.registrations());
        assertThat(report.broken()).as("%s%n%s", candidate, report.text()).isEmpty();
    }

    @Example
    void mostGeneratedPoolsAreAccepted() {
        // The property above is only as strong as its accepted share: check it on a fixed sample.
        var sample = pools().sampleStream().limit(300).toList();
        long accepted = sample.stream().filter(candidate -> candidate.problems().isEmpty()).count();
        assertThat(accepted).as("accepted of %d generated", sample.size()).isGreaterThan(sample.size() / 2);
    }

    @Example
    void oneVmAndAThousandVmsKeepEveryRule() {
        for (int max : new int[] {1, 1000}) {
            for (OutboundType type : OutboundType.values()) {
                var settings = base(max).outboundType(type).build();
                assertThat(PoolSettingsValidator.problems(settings)).as("max %d %s", max, type).isEmpty();
                var outcome = OfflineRun.run(EMPTY_STACK, ctx -> new DsvmPool("edge", DsvmPoolArgs.builder()
                        .settings(settings).adminPassword(PASSWORD).build()));
                assertThat(outcome.result().exceptions()).isEmpty();
                var report = AzureRules.check(outcome.registrations());
                assertThat(report.broken()).as("max %d %s%n%s", max, type, report.text()).isEmpty();
            }
        }
    }

    /** The whole stack traces: a failure inside the SDK's futures is found by its causes' frames. */
    static String traces(List<? extends Throwable> exceptions) {
        var out = new java.io.StringWriter();
        exceptions.forEach(exception -> exception.printStackTrace(new java.io.PrintWriter(out)));
        return out.toString();
    }

    static PoolSettings.Builder base(int max) {
        return PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"))
                .maxInstanceCount(max).subnetPrefix("10.0.0.0/" + SubnetPlan.longestPrefixFor(max));
    }

    @Provide
    Arbitrary<Candidate> pools() {
        Arbitrary<Integer> max = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 100, 101, 1000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 1000)));
        return max.flatMap(maximum -> Builders.withBuilder(() -> base(maximum))
                .use(Arbitraries.integers().between(8001, 40000)).in((builder, first) -> builder.sshNatFirstPort(first))
                .use(Arbitraries.integers().between(0, 2000)).in((builder, gap) ->
                        builder.jupyterNatFirstPort(builder.build().loadBalancer().sshNatFirstPort()
                                + io.github.dsvmpool.plans.NatPortPlan.PORTS_PER_RANGE + gap))
                .use(Arbitraries.of(true, true, true, false)).in(PoolSettings.Builder::poolEntry)
                .use(Arbitraries.of(OutboundType.class)).in(PoolSettings.Builder::outboundType)
                .use(Arbitraries.integers().between(1, 512).map(blocks -> blocks * 8))
                .in(PoolSettings.Builder::outboundPortsPerVm)
                .use(Arbitraries.of(0, 1, 2)).in((builder, storage) -> storage(builder, storage))
                .use(Arbitraries.of(true, false, false, false)).in(PoolSettings.Builder::allowOpenInternet)
                .use(Arbitraries.of(true, true, false)).in(PoolSettings.Builder::restrictKeyVaultToSubnet)
                .use(Arbitraries.of(Boolean.TRUE, null)).in(PoolSettings.Builder::sshPasswordLogin)
                .use(healthAndCulling()).in((builder, change) -> change.apply(builder))
                // Monitoring on in one pool of three, Linux and Windows alike.
                .use(Arbitraries.of(false, false, true)).in(PoolSettings.Builder::monitoring)
                // One pool in four runs Windows, without what the validator refuses on Windows (SSH, NFS).
                .use(Arbitraries.integers().between(1, 64_485)).in(PoolSettings.Builder::rdpNatFirstPort)
                .use(Arbitraries.of(false, false, false, true)).in((builder, windows) -> !windows ? builder
                        : builder.operatingSystem(io.github.dsvmpool.config.OperatingSystem.WINDOWS)
                                .sshPasswordLogin(null).shareProtocol(io.github.dsvmpool.vm.ShareProtocol.SMB))
                .use(schedules(maximum)).in((builder, schedule) -> schedule.map(json -> builder
                        .initialInstanceCount(0)
                        .autoscale(AutoscaleSettingsParser.parseWithoutValidation(json, maximum, new Problems())))
                        .orElse(builder))
                .build(builder -> {
                    var settings = builder.build();
                    return new Candidate(settings, PoolSettingsValidator.problems(settings).stream().map(Object::toString).toList());
                }));
    }

    /**
     * The health source and repairs (defaults, the extension alone, repairs with any accepted grace period and
     * action) and the idle culler's timeout (0 = off, 10-10080); once in 20, one setting the validator refuses
     * (grace outside 10-90, an unknown action, repairs without the extension, a timeout of 5 or 10081
     * minutes), so that the accepted share stays above half.
     */
    private static Arbitrary<java.util.function.UnaryOperator<PoolSettings.Builder>> healthAndCulling() {
        Arbitrary<java.util.function.UnaryOperator<PoolSettings.Builder>> health = Arbitraries.oneOf(
                Arbitraries.just(builder -> builder),
                Arbitraries.just(builder -> builder.healthExtension(true).automaticRepairs(false)),
                Arbitraries.integers().between(10, 90).flatMap(grace -> Arbitraries.of("Replace", "Restart", "Reimage")
                        .map(action -> builder -> builder.automaticRepairs(true).repairGracePeriodMinutes(grace)
                                .repairAction(action))));
        Arbitrary<Integer> idle = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(10, 10_080)));
        Arbitrary<String> group = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
        Arbitrary<java.util.function.UnaryOperator<PoolSettings.Builder>> entra = Arbitraries.oneOf(
                Arbitraries.just(builder -> builder),
                Arbitraries.integers().between(0, 3).flatMap(admins -> Arbitraries.integers().between(admins == 0 ? 1 : 0, 3)
                        .flatMap(users -> net.jqwik.api.Combinators.combine(group.list().ofSize(admins),
                                group.list().ofSize(users)).as((a, u) -> builder -> builder.entraLogin(true)
                                .entraAdminGroupObjectIds(a).entraUserGroupObjectIds(u)))));
        // the key's source: the default, or explicitly either way (Key Vault only for SMB: NFS has no key)
        Arbitrary<Integer> keySource = Arbitraries.of(0, 1, 2);
        Arbitrary<java.util.function.UnaryOperator<PoolSettings.Builder>> good = net.jqwik.api.Combinators
                .combine(health, idle, entra, keySource).as((change, minutes, login, key) -> builder -> {
                    var changed = login.apply(change.apply(builder).notebookIdleTimeoutMinutes(minutes));
                    boolean smb = changed.build().storage().protocol() == ShareProtocol.SMB;
                    return switch (key) {
                        case 1 -> changed.storageKeySource(io.github.dsvmpool.config.StorageKeySource.EXTENSION);
                        case 2 -> smb ? changed.storageKeySource(io.github.dsvmpool.config.StorageKeySource.KEY_VAULT)
                                : changed;
                        default -> changed;
                    };
                });
        Arbitrary<java.util.function.UnaryOperator<PoolSettings.Builder>> bad = Arbitraries.of(
                builder -> builder.automaticRepairs(true).repairGracePeriodMinutes(9),
                builder -> builder.automaticRepairs(true).repairGracePeriodMinutes(91),
                builder -> builder.repairAction("Delete"),
                builder -> builder.healthExtension(false).automaticRepairs(true),
                builder -> builder.notebookIdleTimeoutMinutes(5),
                builder -> builder.notebookIdleTimeoutMinutes(10_081),
                builder -> builder.entraLogin(true),
                builder -> builder.storageKeySource(io.github.dsvmpool.config.StorageKeySource.KEY_VAULT)
                        .keyVaultName("9-not-a-vault-name"),
                builder -> builder.entraLogin(true).entraAdminGroupObjectIds(List.of("data-science-admins")));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(19, good), net.jqwik.api.Tuple.of(1, bad));
    }

    private static PoolSettings.Builder storage(PoolSettings.Builder builder, int choice) {
        return switch (choice) {
            case 0 -> builder.storageSku("Standard_LRS").shareProtocol(ShareProtocol.SMB);
            case 1 -> builder.storageSku("Premium_LRS").shareProtocol(ShareProtocol.SMB).shareQuotaGiB(100);
            default -> builder.storageSku("Premium_ZRS").shareProtocol(ShareProtocol.NFS).shareQuotaGiB(128);
        };
    }

    /** No schedule, or a working-hours week with off hours at zero, Spot or a terminate notification. */
    private static Arbitrary<Optional<String>> schedules(int maximum) {
        Arbitrary<String> week = Builders.withBuilder(() -> new StringBuilder("{\"timeZone\": \"W. Europe Standard Time\""))
                .use(Arbitraries.integers().between(0, 12)).in((json, start) -> json.append(", \"workingHours\": [{\"name\":"
                        + " \"office\", \"days\": [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\"], \"startHour\": ")
                        .append(start).append(", \"endHour\": ").append(start + 8))
                .use(Arbitraries.integers().between(0, maximum)).in((json, floor) -> json.append(", \"minimum\": ")
                        .append(Math.min(floor, maximum)).append(", \"maximum\": ").append(maximum).append("}]"))
                .use(Arbitraries.of(true, false)).in((json, spot) -> json.append(spot
                        ? ", \"spot\": {\"enabled\": true, \"maxPrice\": -1}"
                        : ", \"terminateNotificationMinutes\": 10"))
                .build(json -> json.append(", \"offHours\": {\"minimum\": 0, \"maximum\": 0}}").toString());
        return Arbitraries.oneOf(Arbitraries.just(Optional.empty()), week.map(Optional::of));
    }
}
