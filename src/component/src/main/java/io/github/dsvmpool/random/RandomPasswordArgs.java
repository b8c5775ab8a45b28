package io.github.dsvmpool.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;

/**
 * The inputs of {@link RandomPassword} this project needs, named as in the provider's schema. Unset optional
 * inputs are left out, so the provider applies its own defaults to them.
 */
public final class RandomPasswordArgs extends ResourceArgs {
    @Import(name = "length", required = true)
    private Output<Integer> length;
    @Import(name = "lower")
    private Output<Boolean> lower;
    @Import(name = "upper")
    private Output<Boolean> upper;
    @Import(name = "numeric")
    private Output<Boolean> numeric;
    @Import(name = "special")
    private Output<Boolean> special;
    @Import(name = "minLower")
    private Output<Integer> minLower;
    @Import(name = "minUpper")
    private Output<Integer> minUpper;
    @Import(name = "minNumeric")
    private Output<Integer> minNumeric;
    @Import(name = "minSpecial")
    private Output<Integer> minSpecial;
    @Import(name = "overrideSpecial")
    private Output<String> overrideSpecial;

    private RandomPasswordArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RandomPasswordArgs args = new RandomPasswordArgs();

        public Builder length(int length) {
            args.length = Output.of(length);
            return this;
        }

        /** Which classes may appear: lowercase, uppercase, digits, special characters. */
        public Builder classes(boolean lower, boolean upper, boolean numeric, boolean special) {
            args.lower = Output.of(lower);
            args.upper = Output.of(upper);
            args.numeric = Output.of(numeric);
            args.special = Output.of(special);
            return this;
        }

        /** How many characters of each class at least. */
        public Builder minimums(int lower, int upper, int numeric, int special) {
            args.minLower = Output.of(lower);
            args.minUpper = Output.of(upper);
            args.minNumeric = Output.of(numeric);
            args.minSpecial = Output.of(special);
            return this;
        }

        /** The special characters to draw from instead of the provider's default set. */
        public Builder overrideSpecial(String characters) {
            args.overrideSpecial = Output.of(characters);
            return this;
        }

        public RandomPasswordArgs build() {
            Objects.requireNonNull(args.length, "length is required");
            return args;
        }
    }
}
