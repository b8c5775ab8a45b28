package io.github.dsvmpool.config;

/**
 * A marketplace purchase plan; the DSVM image is believed not to need one, so it is optional. All three parts
 * are marketplace identifiers (letters, digits, '.', '_', '-').
 *
 * @param name      the plan's name
 * @param product   the plan's product
 * @param publisher the plan's publisher
 */
public record PurchasePlan(String name, String product, String publisher) {
}
