package io.github.dsvmpool.tools.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Number options in the user's words ("not a whole number"), not Java's ("not an int"). */
public final class Numbers {
    private Numbers() {
    }

    /** A whole number, e.g. a count of runs; its range is checked by the command, which knows it. */
    public static final class WholeNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a whole number");
            }
        }
    }

    /** A price: a finite decimal number of 0 or more, such as 0.45. */
    public static final class Price implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double price;
            try {
                price = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a price: write a number of 0 or more, such as 0.45");
            }
            if (!(price >= 0) || Double.isInfinite(price)) {
                throw new TypeConversionException("'" + text + "' is not a price: write a number of 0 or more, such as 0.45");
            }
            return price;
        }
    }
}
