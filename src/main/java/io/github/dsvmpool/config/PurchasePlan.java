package io.github.dsvmpool.config;

/** A marketplace purchase plan; the DSVM image is believed not to need one, so it is optional. */
public record PurchasePlan(String name, String product, String publisher) {
}
