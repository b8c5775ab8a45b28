package io.github.dsvmpool.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.Map;
import java.util.Objects;

/** The inputs of {@link RandomBytes}, named as in the provider's schema; unset {@code keepers} are left out. */
public final class RandomBytesArgs extends ResourceArgs {
    @Import(name = "length", required = true)
    private Output<Integer> length;
    @Import(name = "keepers")
    private Output<Map<String, String>> keepers;

    private RandomBytesArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RandomBytesArgs args = new RandomBytesArgs();

        /** How many bytes. */
        public Builder length(int length) {
            args.length = Output.of(length);
            return this;
        }

        /** Values whose change replaces the resource, i.e. draws new bytes. */
        public Builder keepers(Map<String, String> keepers) {
            args.keepers = Output.of(Map.copyOf(keepers));
            return this;
        }

        public RandomBytesArgs build() {
            Objects.requireNonNull(args.length, "length is required");
            return args;
        }
    }
}
