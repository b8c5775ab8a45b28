package io.github.dsvmpool.tools;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.config.StackConfiguration;
import io.github.dsvmpool.offline.OfflineRun;
import io.github.dsvmpool.offline.StackFile;
import io.github.dsvmpool.offline.StackFileConfigSource;
import io.github.dsvmpool.plans.autoscale.AutoscalePlan;
import io.github.dsvmpool.plans.autoscale.CostEstimate;
import io.github.dsvmpool.plans.autoscale.CostEstimator;
import io.github.dsvmpool.plans.autoscale.CostReportFormatter;
import io.github.dsvmpool.plans.autoscale.ListPrices;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints what a stack's schedule costs: instance-hours per week of each profile, the monthly estimate, the
 * share, and the saving against an always-on pool of the same maximum.
 *
 * <pre>CostReport &lt;stack&gt; [--price-per-vm-hour P] [--price-per-gib-month P] [--currency C] [--dir D]</pre>
 */
public final class CostReport {
    /** Validation needs a password; the stack file's is encrypted or absent. */
    static final String PLACEHOLDER_PASSWORD = "Cost-Report-Placeholder-1";

    private CostReport() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** @return the process exit code: 0 printed, 2 bad arguments or configuration */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            var options = Options.parse(args);
            Path file = options.dir.resolve("Pulumi." + options.stack + ".yaml");
            if (!Files.isRegularFile(file)) {
                err.println("cost report: no stack file " + file + " (stacks are Pulumi.<stack>.yaml files)");
                return 2;
            }
            // A stack file holds the password encrypted (or not at all); the cost does not depend on it.
            StackFile stack = StackFile.read(file).withSecret(OfflineRun.PROJECT + ":"
                    + StackConfiguration.ADMIN_PASSWORD, PLACEHOLDER_PASSWORD);
            PoolSettings pool = StackConfiguration.read(new StackFileConfigSource(stack, OfflineRun.PROJECT)).pool();
            out.print(report(options, pool));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("cost report: " + e.getMessage());
            return 2;
        }
    }

    static String report(Options options, PoolSettings pool) {
        String vmSize = pool.scaleSet().vmSize();
        double vmPrice = options.pricePerVmHour.or(() -> ListPrices.vmPerHour(vmSize))
                .orElseThrow(() -> new IllegalArgumentException("no list price for " + vmSize
                        + "; pass --price-per-vm-hour (known sizes: " + ListPrices.vmPerHour().keySet() + ")"));
        if (pool.storage().isPremium() && options.pricePerGiBMonth.isEmpty()) {
            throw new IllegalArgumentException("premium shares have no list price here; pass --price-per-gib-month");
        }
        double sharePrice = options.pricePerGiBMonth.orElse(ListPrices.AZURE_FILES_STANDARD_PER_GIB_MONTH);
        var plan = plan(pool);
        var estimate = estimate(pool, plan, vmPrice, sharePrice);

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
        return text.toString();
    }

    /**
     * One line for the offline plan's summary, at the built-in list prices; empty when the VM size or a
     * premium share has no list price here (the summary then says it was not estimated).
     */
    public static Optional<String> summaryLine(PoolSettings pool) {
        if (pool.storage().isPremium()) {
            return Optional.empty();
        }
        return ListPrices.vmPerHour(pool.scaleSet().vmSize()).map(vmPrice -> {
            var plan = plan(pool);
            var estimate = estimate(pool, plan, vmPrice, ListPrices.AZURE_FILES_STANDARD_PER_GIB_MONTH);
            return String.format(Locale.ROOT, "about %,.0f-%,.0f %s compute (schedule floor-ceiling) + %,.0f %s share;"
                            + " %.0f%% below always-on at the floor%s (approximate list prices, %s, looked up %s)",
                    estimate.monthlyComputeFloor(), estimate.monthlyComputeCeiling(), ListPrices.CURRENCY,
                    estimate.monthlyShare(), ListPrices.CURRENCY, estimate.savingPercentAtFloor(),
                    isSpot(plan) ? "; on-demand prices, Spot costs less" : "", ListPrices.REGION, ListPrices.LOOKED_UP);
        });
    }

    private static AutoscalePlan plan(PoolSettings pool) {
        return AutoscalePlan.of(pool.schedule());
    }

    private static CostEstimate estimate(PoolSettings pool, AutoscalePlan plan, double vmPrice, double sharePrice) {
        return CostEstimator.estimate(plan.profiles(), vmPrice, pool.storage().shareQuotaGiB(), sharePrice,
                pool.scaleSet().instanceCounts().maximum());
    }

    private static boolean isSpot(AutoscalePlan plan) {
        return "Spot".equals(plan.scaleSet().priority());
    }

    record Options(String stack, Optional<Double> pricePerVmHour, Optional<Double> pricePerGiBMonth, String currency,
                   Path dir) {
        static Options parse(List<String> args) {
            var queue = new ArrayDeque<>(args);
            String stack = null;
            Optional<Double> vmPrice = Optional.empty();
            Optional<Double> sharePrice = Optional.empty();
            String currency = ListPrices.CURRENCY;
            Path dir = Path.of(".");
            while (!queue.isEmpty()) {
                String arg = queue.removeFirst();
                switch (arg) {
                    case "--price-per-vm-hour" -> vmPrice = Optional.of(price(arg, queue.pollFirst()));
                    case "--price-per-gib-month" -> sharePrice = Optional.of(price(arg, queue.pollFirst()));
                    case "--currency" -> currency = required(arg, queue.pollFirst());
                    case "--dir" -> dir = Path.of(required(arg, queue.pollFirst()));
                    default -> {
                        if (arg.startsWith("--") || stack != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'; usage: CostReport"
                                    + " <stack> [--price-per-vm-hour P] [--price-per-gib-month P] [--currency C] [--dir D]");
                        }
                        stack = arg;
                    }
                }
            }
            if (stack == null || !stack.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("name a stack, e.g. dev or prod (got " + stack + ")");
            }
            return new Options(stack, vmPrice, sharePrice, currency, dir);
        }

        private static double price(String option, String value) {
            try {
                double price = Double.parseDouble(required(option, value));
                if (!(price >= 0) || Double.isInfinite(price)) {
                    throw new NumberFormatException();
                }
                return price;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a price of 0 or more, got '" + value + "'");
            }
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
