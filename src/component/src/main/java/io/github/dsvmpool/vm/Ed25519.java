package io.github.dsvmpool.vm;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * The Ed25519 public key of a 32-byte private key (RFC 8032 section 5.1.5), with the JDK's own EdDSA (JDK 15+,
 * JEP 339) and no other library. The JDK has no public call "public key of this private key"; its key pair
 * generator draws the private key as 32 bytes from the {@link SecureRandom} it is given, so a generator that
 * yields exactly the seed gives the pair of that seed. The result is checked: the generated private key must be
 * the seed, else this fails rather than hand out another key.
 */
final class Ed25519 {
    static final int KEY_BYTES = 32;

    private Ed25519() {
    }

    /** The public key (RFC 8032 encoding: y little-endian, the sign of x in the top bit) of {@code seed}. */
    static byte[] publicKey(byte[] seed) {
        if (seed == null || seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 private key is " + KEY_BYTES + " bytes");
        }
        KeyPair pair;
        try {
            var generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519 key pair generator", e);
        }
        byte[] drawn = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("the JDK's Ed25519 private key has no bytes"));
        if (!Arrays.equals(drawn, seed)) {
            throw new IllegalStateException("the JDK's Ed25519 generator did not use the given seed");
        }
        Arrays.fill(drawn, (byte) 0);
        return encode((EdECPublicKey) pair.getPublic());
    }

    private static byte[] encode(EdECPublicKey key) {
        BigInteger y = key.getPoint().getY();
        byte[] bigEndian = y.toByteArray();
        byte[] encoded = new byte[KEY_BYTES];
        // toByteArray may carry a leading zero byte (sign) or be shorter than 32 bytes.
        for (int i = 0; i < bigEndian.length && i < KEY_BYTES; i++) {
            encoded[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (key.getPoint().isXOdd()) {
            encoded[KEY_BYTES - 1] |= (byte) 0x80;
        }
        return encoded;
    }

    /** Yields the seed once, for exactly one request of its length; anything else is a bug and fails. */
    private static final class SeedRandom extends SecureRandom {
        SeedRandom(byte[] seed) {
            super(new Spi(seed.clone()), null);
        }
    }

    private static final class Spi extends SecureRandomSpi {
        private byte[] seed;

        Spi(byte[] seed) {
            this.seed = seed;
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            // The seed is fixed; nothing to mix in.
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for other random bytes than its key");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            throw new IllegalStateException("not a source of randomness");
        }
    }
}
