package io.github.dsvmpool.pool;

import com.pulumi.core.Output;
import io.github.dsvmpool.random.RandomBytes;
import io.github.dsvmpool.random.RandomBytesArgs;
import io.github.dsvmpool.vm.KnownHostsLine;
import io.github.dsvmpool.vm.SshHostKey;
import java.util.List;

/**
 * The pool's one SSH host key. Its seed is a random provider {@code RandomBytes} child,
 * {@code <pool>-ssh-host-key}, drawn once and kept in the stack's state as a secret; the key pair is derived
 * from it in the program ({@link SshHostKey}), so nothing but the seed is stored and every update renders the
 * same key. Rotation: replace that child ({@code pulumi up --replace <its URN>}, docs/ssh-host-key.md).
 */
final class PoolHostKey {
    /** An Ed25519 private key is 32 bytes (RFC 8032 section 5.1.5). */
    static final int SEED_BYTES = 32;

    /** The whole key, private file included: a secret. */
    final Output<SshHostKey> key;
    /** {@code ssh-ed25519 AAAA... dsvm-pool-<pool>}: public. */
    final Output<String> publicKeyLine;

    PoolHostKey(PartContext context) {
        var seed = new RandomBytes(context.childName("ssh-host-key"),
                RandomBytesArgs.builder().length(SEED_BYTES).build(), context.options().build());
        String comment = "dsvm-pool-" + context.poolName();
        // The provider marks base64 secret; the mock engine does not, so say it here too.
        this.key = seed.base64().asSecret().applyValue(base64 -> {
            if (base64 == null) {
                throw new IllegalStateException("the random provider gave no bytes for " + seed.pulumiResourceName()
                        + " (under a mock engine, answer random:index/randomBytes:RandomBytes with its base64 output,"
                        + " e.g. with io.github.dsvmpool.testing.DsvmPoolMocks)");
            }
            return SshHostKey.fromBase64Seed(base64, comment);
        });
        this.publicKeyLine = publicHalf(key.applyValue(SshHostKey::publicKeyLine));
    }

    /** The line for known_hosts, for the pool's DNS name and address on every port: public. */
    Output<String> knownHostsLine(Output<String> fqdn, Output<String> ipAddress) {
        return Output.tuple(publicKeyLine, fqdn, ipAddress)
                .applyValue(t -> KnownHostsLine.of(t.t1, List.of(t.t2, t.t3)));
    }

    /**
     * A value computed from the key's public half only, freed of the secret flag it inherits from the seed:
     * without this, the public key and the extension's visible revision would show as secrets.
     */
    static <T> Output<T> publicHalf(Output<T> derivedFromThePublicKey) {
        return derivedFromThePublicKey.asPlaintext();
    }
}
