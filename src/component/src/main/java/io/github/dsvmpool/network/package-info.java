/**
 * A small typed binding of the subnet at network API 2023-05-01 ({@code azure-native:network/v20230501:Subnet}),
 * written here because the Java SDK of azure-native 2.10.0 has no versioned classes while the provider itself
 * serves that type (its Python SDK 2.10.0 ships {@code network/v20230501/subnet.py}). The default
 * {@code azure-native:network:Subnet} of 2.10.0 uses API 2023-02-01, which lacks {@code defaultOutboundAccess}.
 * When the project moves to an azure-native whose default network API has the property, replace this package by
 * the generated class (keeping an alias to this type).
 */
package io.github.dsvmpool.network;
