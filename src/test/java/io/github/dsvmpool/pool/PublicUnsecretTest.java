package io.github.dsvmpool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link PoolHostKey#publicHalf} reaches into the SDK's implementation because com.pulumi:pulumi 1.36.1's public
 * {@code Output} cannot drop the secret flag (the Node and Python SDKs have {@code unsecret}). When this test
 * fails, an SDK upgrade added a public way: use it and drop the internal call.
 */
class PublicUnsecretTest {
    @Test
    void theSdksPublicOutputHasNoUnsecretYet() {
        assertThat(Arrays.stream(Output.class.getMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(Method::getName))
                .noneMatch(name -> name.equalsIgnoreCase("unsecret") || name.equalsIgnoreCase("asPlaintext"));
    }
}
