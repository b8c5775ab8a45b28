package io.github.dsvmpool.tools;

import io.github.dsvmpool.plans.MonitoringPlan;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.stackconfig.StackConfiguration;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.offline.StackFileConfigSource;
import io.github.dsvmpool.plans.SessionCostBound;
import io.github.dsvmpool.plans.autoscale.AutoscalePlan;
import io.github.dsvmpool.plans.autoscale.CostEstimate;
import io.github.dsvmpool.plans.autoscale.CostEstimator;
import io.github.dsvmpool.plans.autoscale.CostReportFormatter;
import io.github.dsvmpool.plans.ListPrices;
import java.io.IOException;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.tools.cli.Cli;
import io.github.dsvmpool.tools.cli.Numbers;
import io.github.dsvmpool.tools.cli.ToolContext;
import io.github.dsvmpool.tools.cli.ToolFailure;
import io.github.dsvmpool.tools.plan.PlanInputException;
import io.github.dsvmpool.tools.plan.StackFiles;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plan cost <stack>}: prints what a stack's schedule costs: instance-hours per week of each profile, the
 * monthly estimate, the share, and the saving against an always-on pool of the same maximum.
 *
 * <p>Exit codes ({@link Cli}): 0 printed; 1 the stack's configuration is invalid (every problem listed, as the
 * offline plan does); 2 bad usage or input (an option, a missing stack file, a VM size with no list price).
 */
@Command(name = "cost", sortOptions = false, usageHelpAutoWidth = true,
        description = {"What a stack's schedule costs: each weekly profile's instance-hours at its floor and ceiling,"
                + " the monthly estimate, the share, the saving against an always-on pool, each fixed date over its"
                + " span (it replaces the weekly schedule day and night) and, with --from, the twelve months from a date.",
                "Built-in prices are approximate USD list prices; --currency needs both prices in that currency."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed",
                "1:the stack's configuration is invalid (every problem listed)",
                "2:bad usage or input (an option, no such stack file, no list price for the VM size)"},
        footer = {"%nExamples:", "  ./plan cost dev",
                "  ./plan cost prod --from 2027-01-01",
                "  ./plan cost prod --price-per-vm-hour 0.45 --price-per-gib-month 0.05 --currency EUR"})
public final class CostReport implements Callable<Integer> {
    /** Validation needs a password; the stack file's is encrypted or absent. */
    static final String PLACEHOLDER_PASSWORD = "Cost-Report-Placeholder-1";

    @Parameters(index = "0", paramLabel = "STACK", description = "the stack, e.g. dev or prod")
    String stack;

    @Option(names = "--price-per-vm-hour", paramLabel = "PRICE", converter = Numbers.Price.class, description = "price of one VM hour (0 or more)")
    Double pricePerVmHour;

    @Option(names = "--price-per-gib-month", paramLabel = "PRICE", converter = Numbers.Price.class, description = "price of one GiB of share quota a month (0 or more)")
    Double pricePerGiBMonth;

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO code of the prices given (e.g. EUR); needs both prices unless it is "
            + ListPrices.CURRENCY)
    String currency;

    @Option(names = "--from", paramLabel = "DATE", description = "also count the twelve months from DATE (YYYY-MM-DD),"
            + " weekly schedule and the fixed dates inside them; without it the report does not depend on today")
    String from;

    @Option(names = "--dir", paramLabel = "DIR", description = "folder of the stack files (default: the project)")
    String dir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final ToolContext context;

    public CostReport(ToolContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        var context = ToolContext.fromSystem();
        System.exit(Cli.commandLine(new CostReport(context), context).setCommandName("plan cost").execute(args));
    }

    /** As typed in the current folder, which is also the project folder, with the given streams. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        Path here = Path.of("").toAbsolutePath();
        return run(args, new ToolContext(here, here, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)));
    }

    static int run(List<String> args, ToolContext context) {
        return Cli.execute(Cli.commandLine(new CostReport(context), context).setCommandName("plan cost"), args);
    }

    @Override
    public Integer call() {
        var options = options();
        try {
            // Pulumi's rule for stack names, which also keeps the file inside the folder.
            StackFiles.checkName(options.stack);
        } catch (PlanInputException badName) {
            throw new ToolFailure(Cli.BAD_USAGE, badName.getMessage());
        }
        Path folder = dir != null ? context.resolve(dir) : context.projectDirectory();
        Path file = folder.resolve("Pulumi." + options.stack + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ToolFailure(Cli.BAD_USAGE, "no stack file " + file + " (stacks are Pulumi.<stack>.yaml files)");
        }
        StackFile stackFile;
        try {
            // A stack file holds the password encrypted (or not at all); the cost does not depend on it.
            stackFile = StackFile.read(file).withSecret(OfflineRun.PROJECT + ":" + StackConfiguration.ADMIN_PASSWORD,
                    PLACEHOLDER_PASSWORD);
        } catch (IOException e) {
            throw new ToolFailure(Cli.BAD_USAGE, "cannot read stack file: " + e.getMessage());
        }
        var source = new StackFileConfigSource(stackFile, OfflineRun.PROJECT);
        StackConfiguration.warnings(source, OfflineRun.PROJECT)
                .forEach(warning -> context.err().println("plan cost: warning: " + warning));
        PoolSettings pool;
        try {
            pool = StackConfiguration.read(source).pool();
        } catch (InvalidConfigurationException invalid) {
            throw new ToolFailure(Cli.FAILED, invalid.describe(file.getFileName().toString()));
        }
        try {
            context.out().print(report(options, pool));
        } catch (IllegalArgumentException noPrice) {
            throw new ToolFailure(Cli.BAD_USAGE, noPrice.getMessage());
        }
        context.out().flush();
        return Cli.OK;
    }

    /** The options, checked (prices by their converter): a currency code only with both prices, else they stay USD. */
    private Options options() {
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new ParameterException(spec.commandLine(), "--currency takes a three-letter ISO code such as EUR,"
                    + " got '" + currency + "'");
        }
        if (currency != null && !currency.equals(ListPrices.CURRENCY) && (pricePerVmHour == null || pricePerGiBMonth == null)) {
            throw new ParameterException(spec.commandLine(), "--currency " + currency + " needs both"
                    + " --price-per-vm-hour and --price-per-gib-month in " + currency + ": the built-in prices are "
                    + ListPrices.CURRENCY);
        }
        Optional<LocalDate> start;
        try {
            start = from == null ? Optional.empty() : Optional.of(LocalDate.parse(from));
        } catch (DateTimeParseException bad) {
            throw new ParameterException(spec.commandLine(), "--from takes a date YYYY-MM-DD, got '" + from + "'");
        }
        return new Options(stack, Optional.ofNullable(pricePerVmHour), Optional.ofNullable(pricePerGiBMonth),
                currency != null ? currency : ListPrices.CURRENCY, start);
    }

    static String report(Options options, PoolSettings pool) {
        String vmSize = pool.scaleSet().vmSize();
        double vmPrice = options.pricePerVmHour.or(() -> ListPrices.vmPerHour(vmSize, pool.operatingSystem().system()))
                .orElseThrow(() -> new IllegalArgumentException("no list price for " + vmSize
                        + "; pass --price-per-vm-hour (known sizes: " + ListPrices.vmPerHour().keySet() + ")"));
        if (pool.storage().isPremium() && options.pricePerGiBMonth.isEmpty()) {
            throw new IllegalArgumentException("premium shares have no list price here; pass --price-per-gib-month");
        }
        double sharePrice = options.pricePerGiBMonth.orElse(ListPrices.AZURE_FILES_STANDARD_PER_GIB_MONTH);
        var plan = plan(pool);
        var estimate = estimate(pool, plan, vmPrice, sharePrice, options.from);

        var text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Stack %s: %s, up to %d VMs, time zone %s%n", options.stack, vmSize,
                estimate.poolMaximum(), plan.timeZone()));
        text.append(options.pricePerVmHour.isPresent() || options.pricePerGiBMonth.isPresent()
                ? "Prices: given on the command line" + (options.pricePerVmHour.isEmpty() || options.pricePerGiBMonth.isEmpty()
                        ? "; the rest are " + ListPrices.SOURCE : "")
                : "Prices: " + ListPrices.SOURCE).append(System.lineSeparator());
        if (isSpot(plan)) {
            text.append("The pool runs on Spot VMs: these on-demand prices are an upper bound.")
                    .append(System.lineSeparator());
        }
        text.append(System.lineSeparator()).append(CostReportFormatter.format(estimate, options.currency));
        if (MonitoringPlan.of(pool).enabled()) {
            // Its prices are always the built-in list prices, so it is always in their currency.
            text.append(System.lineSeparator()).append(CostReportFormatter.formatMonitoring(monitoring(pool, estimate),
                    ListPrices.CURRENCY));
            if (pool.operatingSystem().windows()) {
                text.append(String.format(Locale.ROOT, "Windows: events and counters estimated at %.2f MB per VM-hour"
                        + " (an assumption, not a measurement: check Usage in the workspace)%n",
                        MonitoringPlan.of(pool).estimatedMbPerVmHour()));
            }
        }
        SessionCostBound.of(pool).ifPresent(bound -> text.append(System.lineSeparator())
                .append(sessionBound(bound, pool, vmPrice, options.currency)).append(System.lineSeparator()));
        if (pool.operatingSystem().windows()) {
            text.append(System.lineSeparator()).append(perUser(vmPrice, options.currency, estimate.poolMaximum(),
                    options.pricePerVmHour.isEmpty())).append(System.lineSeparator());
        }
        return text.toString();
    }

    /**
     * A Windows pool counts per user: without RDS licensing a VM takes two sessions (WindowsAccessPlan), so a user's
     * hour costs at least half a VM-hour. The built-in Windows price is the Linux one plus the licence per vCPU
     * ({@link ListPrices#WINDOWS_LICENCE_PER_VCPU_HOUR}), which the report says.
     */
    static String perUser(double vmPrice, String currency, int vms, boolean listPrice) {
        int sessions = io.github.dsvmpool.plans.WindowsAccessPlan.SESSIONS_PER_VM;
        return String.format(Locale.ROOT, "Windows: %d Remote Desktop sessions per VM without RDS licensing, so %d"
                        + " VMs serve at most %d users at once; a user-hour costs at least %,.3f %s (%,.3f %s a VM-hour"
                        + " / %d)%s. RDS licensing (RD Session Host and client access licences, not part of this"
                        + " project) would let a VM take as many sessions as its size carries.",
                sessions, vms, io.github.dsvmpool.plans.WindowsAccessPlan.usersServed(vms), vmPrice / sessions,
                currency, vmPrice, currency, sessions, listPrice ? windowsListPrice() : "");
    }

    /** How the built-in Windows VM price was made, for the report and the plan summary. */
    static String windowsListPrice() {
        return String.format(Locale.ROOT, "; the built-in Windows VM price is the Linux list price plus the Windows"
                + " Server licence, %.3f %s per vCPU-hour (derived from two public price samples; approximate)",
                ListPrices.WINDOWS_LICENCE_PER_VCPU_HOUR, ListPrices.CURRENCY);
    }

    /** What session protection can add at most (docs/sessions.md, "What it costs at most"). */
    static String sessionBound(SessionCostBound bound, PoolSettings pool, double vmPrice, String currency) {
        var sessions = pool.sessions();
        return String.format(Locale.ROOT, "Session protection (sessionProtection on) can keep VMs autoscale would"
                        + " remove, at most: %d VMs x %d h = %d VM-hours a day = %,.2f %s a day, %,.0f %s in an"
                        + " average month, on top of the schedule's cost (each VM at most %d h in a row, never"
                        + " %02d:00-%02d:00 %s)",
                bound.vms(), bound.hoursPerVmPerDay(), bound.vmHoursPerDay(), bound.perDay(vmPrice), currency,
                bound.perMonth(vmPrice), currency, sessions.maxProtectedHours(), sessions.latestHour(),
                sessions.resumeHour(), pool.sessionTimeZone().orElse("?"));
    }

    /**
     * One line for the offline plan's summary, at the built-in list prices; empty when the VM size or a
     * premium share has no list price here (the summary then says it was not estimated).
     */
    public static Optional<String> summaryLine(PoolSettings pool) {
        if (pool.storage().isPremium()) {
            return Optional.empty();
        }
        return ListPrices.vmPerHour(pool.scaleSet().vmSize(), pool.operatingSystem().system()).map(vmPrice -> {
            var plan = plan(pool);
            var estimate = estimate(pool, plan, vmPrice, ListPrices.AZURE_FILES_STANDARD_PER_GIB_MONTH,
                    Optional.empty());
            return String.format(Locale.ROOT, "about %,.0f-%,.0f %s compute (weekly schedule floor-ceiling, an average"
                            + " month) + %,.0f %s share; %.0f%% below always-on at the floor%s%s (approximate list"
                            + " prices, %s, looked up %s)",
                    estimate.monthlyComputeFloor(), estimate.monthlyComputeCeiling(), ListPrices.CURRENCY,
                    estimate.monthlyShare(), ListPrices.CURRENCY, estimate.savingPercentAtFloor(),
                    isSpot(plan) ? "; on-demand prices, Spot costs less" : "", fixedDates(estimate),
                    ListPrices.REGION, ListPrices.LOOKED_UP)
                    + SessionCostBound.of(pool).map(bound -> String.format(Locale.ROOT, "; session protection at"
                            + " most %,.0f %s a month more (%d VMs x %d h a day)", bound.perMonth(vmPrice),
                            ListPrices.CURRENCY, bound.vms(), bound.hoursPerVmPerDay())).orElse("")
                    + (MonitoringPlan.of(pool).enabled() ? String.format(Locale.ROOT, "; monitoring about %,.0f-%,.0f %s"
                            + " a month (estimated logs and alert rules)", monitoring(pool, estimate).monthlyFloor(),
                            monitoring(pool, estimate).monthlyCeiling(), ListPrices.CURRENCY) : "")
                    + (pool.operatingSystem().windows() ? String.format(Locale.ROOT, "; Windows: %d sessions per VM,"
                            + " so at least %,.3f %s per user-hour", io.github.dsvmpool.plans.WindowsAccessPlan
                            .SESSIONS_PER_VM, vmPrice / io.github.dsvmpool.plans.WindowsAccessPlan.SESSIONS_PER_VM,
                            ListPrices.CURRENCY) + windowsListPrice() : "");
        });
    }

    /** Fixed dates are dated, not monthly: each one's own span, at the floor and ceiling, against the week. */
    private static String fixedDates(CostEstimate estimate) {
        if (estimate.fixedDates().isEmpty()) {
            return "";
        }
        return "; fixed dates on top, each over its span: " + String.join(", ", estimate.fixedDates().stream()
                .map(fixed -> String.format(Locale.ROOT, "%s %+,.0f to %+,.0f %s", fixed.name(),
                        estimate.compute(fixed.extraFloorInstanceHours()),
                        estimate.compute(fixed.extraCeilingInstanceHours()), ListPrices.CURRENCY))
                .toList());
    }

    /** Monitoring at the built-in list prices (in ListPrices.CURRENCY, whatever --currency says). */
    static io.github.dsvmpool.plans.autoscale.MonitoringCost monitoring(PoolSettings pool, CostEstimate estimate) {
        return MonitoringPlan.of(pool).cost(estimate, ListPrices.LOG_ANALYTICS_PER_GB,
                ListPrices.LOG_ALERT_RULE_PER_MONTH);
    }

    private static AutoscalePlan plan(PoolSettings pool) {
        return AutoscalePlan.of(pool.schedule());
    }

    private static CostEstimate estimate(PoolSettings pool, AutoscalePlan plan, double vmPrice, double sharePrice,
                                         Optional<LocalDate> from) {
        return CostEstimator.estimate(plan.profiles(), vmPrice, pool.storage().shareQuotaGiB(), sharePrice,
                pool.scaleSet().instanceCounts().maximum(), from);
    }

    private static boolean isSpot(AutoscalePlan plan) {
        return "Spot".equals(plan.scaleSet().priority());
    }

    record Options(String stack, Optional<Double> pricePerVmHour, Optional<Double> pricePerGiBMonth, String currency,
                   Optional<LocalDate> from) {
    }
}
