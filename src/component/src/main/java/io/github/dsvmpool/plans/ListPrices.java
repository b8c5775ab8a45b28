package io.github.dsvmpool.plans;

import io.github.dsvmpool.plans.autoscale.CostEstimator;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small, dated table of list prices for cost estimates. APPROXIMATE: pay-as-you-go Linux prices (Windows:
 * {@link #vmPerHour(String, io.github.dsvmpool.config.OperatingSystem)}) in USD for
 * region {@value #REGION}, as they appear in public samples of the Azure Retail Prices API
 * (prices.azure.com/api/retail/prices); they were not read from the official pricing page, and prices change.
 * Use them for orders of magnitude; pass your own price to {@link CostEstimator} for anything that matters.
 */
public final class ListPrices {

    public static final String REGION = "eastus";
    public static final String CURRENCY = "USD";
    /** When the figures were looked up. */
    public static final LocalDate LOOKED_UP = LocalDate.of(2026, 11, 23);
    public static final boolean APPROXIMATE = true;
    public static final String SOURCE = "approximate list prices (pay-as-you-go, Linux, " + REGION + ", " + CURRENCY
            + ") from public Azure Retail Prices API samples, looked up " + LOOKED_UP
            + "; not official quotes; check https://azure.microsoft.com/pricing/calculator/";

    /**
     * Azure Files standard (HDD), transaction-optimized, LRS, per GiB-month of used capacity. Order of magnitude
     * only (not found in a dated source); transactions are extra and not estimated.
     */
    public static final double AZURE_FILES_STANDARD_PER_GIB_MONTH = 0.06;

    /**
     * Log Analytics, Analytics logs, pay-as-you-go, per GB ingested (31 days of retention included). Order of
     * magnitude only: the figure commonly quoted for this region, not found in a dated source here.
     */
    public static final double LOG_ANALYTICS_PER_GB = 2.30;
    /**
     * One log search alert rule evaluated every 15 minutes, per month. Order of magnitude only (not found in a dated
     * source here); activity log alerts are free (Learn "Azure Monitor pricing": no charge for activity log alerts).
     */
    public static final double LOG_ALERT_RULE_PER_MONTH = 0.50;

    /**
     * The Windows Server licence, per vCPU-hour, that a Windows VM's pay-as-you-go price adds to the Linux one: half
     * the gap between the two public Retail Prices API samples of Standard_D2s_v3 in this region, "Virtual Machines
     * DSv3 Series Windows" 0.188 against "Virtual Machines DSv3 Series" 0.096 (2 vCPUs). Another sample gives the
     * Windows D4s v3 as 0.38, which this rate reproduces to the cent (0.376). Derived, so approximate like the rest;
     * GPU sizes may be priced otherwise.
     */
    public static final double WINDOWS_LICENCE_PER_VCPU_HOUR = (0.188 - 0.096) / 2;

    private static final Map<String, Double> VM_PER_HOUR = vmTable();

    private ListPrices() {
    }

    public static Optional<Double> vmPerHour(String vmSize) {
        return Optional.ofNullable(VM_PER_HOUR.get(vmSize));
    }

    public static Map<String, Double> vmPerHour() {
        return VM_PER_HOUR;
    }

    /**
     * The price of one VM-hour of the size on the pool's operating system: the Linux list price, plus on Windows
     * the licence for each of the size's vCPUs ({@link #WINDOWS_LICENCE_PER_VCPU_HOUR}).
     */
    public static Optional<Double> vmPerHour(String vmSize, io.github.dsvmpool.config.OperatingSystem system) {
        return vmPerHour(vmSize).map(linux -> system == io.github.dsvmpool.config.OperatingSystem.WINDOWS
                ? linux + VmSizes.find(vmSize).orElseThrow().vcpus() * WINDOWS_LICENCE_PER_VCPU_HOUR
                : linux);
    }

    private static Map<String, Double> vmTable() {
        Map<String, Double> table = new LinkedHashMap<>();
        table.put("Standard_D2s_v3", 0.096);
        table.put("Standard_D4s_v3", 0.192);
        // Dsv3 prices scale linearly with vCPUs (2 -> 4 above); 8 vCPUs by the same ratio, not seen in a sample.
        table.put("Standard_D8s_v3", 0.384);
        table.put("Standard_NC4as_T4_v3", 0.526);
        // One place decides which sizes exist and what they are (VmSizes); this table only prices them.
        for (String size : table.keySet()) {
            if (io.github.dsvmpool.plans.VmSizes.find(size).isEmpty()) {
                throw new IllegalStateException("priced size " + size + " is not in " + io.github.dsvmpool.plans.VmSizes.LIST_PATH);
            }
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
