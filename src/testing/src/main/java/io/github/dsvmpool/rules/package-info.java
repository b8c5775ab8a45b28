/**
 * Azure's documented deployment rules for the resources this project declares, as one table
 * ({@link io.github.dsvmpool.rules.AzureRules#all()}), each with its source and the error code Azure answers with,
 * evaluated on the registered resource graph ({@link io.github.dsvmpool.rules.AzureRules#check(java.util.List)})
 * without any engine. The mock engine accepts any graph; a {@link io.github.dsvmpool.rules.RuleReport} says what
 * Azure would refuse, where (resource and property) and what to change. No message carries a secret's value.
 */
package io.github.dsvmpool.rules;
