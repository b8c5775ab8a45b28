package io.github.dsvmpool.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an input, an output or the component means, for the package's schema: the generated SDKs turn it into the
 * doc comments a TypeScript or Python user sees in their editor. The SDK's schema inference (pulumi-java 1.36.1)
 * has no place for descriptions, so {@link SchemaDescriptions} adds them to the schema it generates.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface Description {
    /**
     * The text, one or two sentences, with the default and limits where there are any.
     *
     * @return the description
     */
    String value();
}
