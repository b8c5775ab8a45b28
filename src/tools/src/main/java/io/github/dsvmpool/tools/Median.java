package io.github.dsvmpool.tools;

import java.util.List;
import java.util.function.ToLongFunction;

/** The median the benchmarks report: the middle value, or the mean of the two middle ones (rounded down). */
public final class Median {
    private Median() {
    }

    /**
     * @param values one or more
     * @return their median
     */
    public static long of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * @param samples one or more
     * @param value   the measure of each
     * @param <T>     the sample type
     * @return the median of that measure
     */
    public static <T> long of(List<T> samples, ToLongFunction<T> value) {
        return of(samples.stream().map(sample -> value.applyAsLong(sample)).toList());
    }
}
