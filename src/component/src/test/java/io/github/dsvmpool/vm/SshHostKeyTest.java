package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool's host key: the public key of a seed (RFC 8032) and the OpenSSH files, checked by OpenSSH itself. */
class SshHostKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 section 7.1, Ed25519 test vectors: SECRET KEY (the seed) and PUBLIC KEY. */
    @ParameterizedTest(name = "RFC 8032 {0}")
    @CsvSource({
        "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + " d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + " 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + " fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "TEST 1024, f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5,"
                + " 278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
        "TEST SHA(abc), 833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
                + " ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf"})
    void thePublicKeyOfASeedIsRfc8032s(String name, String seed, String publicKey) {
        assertThat(HEX.formatHex(Ed25519.publicKey(HEX.parseHex(seed)))).isEqualTo(publicKey);
        // and the public line carries it in the blob: string "ssh-ed25519", string key
        String line = SshHostKey.fromSeed(HEX.parseHex(seed), "rfc").publicKeyLine();
        assertThat(line).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI").endsWith(" rfc");
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(line.split(" ")[1]));
        byte[] type = new byte[blob.getInt()];
        blob.get(type);
        byte[] key = new byte[blob.getInt()];
        blob.get(key);
        assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("ssh-ed25519");
        assertThat(HEX.formatHex(key)).isEqualTo(publicKey);
        assertThat(blob.hasRemaining()).isFalse();
    }

    @Test
    void sshKeygenReadsThePrivateKeyFileAndPrintsThePublicLineAndTheFingerprint(@TempDir Path dir) throws Exception {
        SshTools.requireSshKeygen();
        var random = new Random(20261201);
        for (int i = 0; i < 8; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            var key = SshHostKey.fromSeed(seed, "dsvm-pool-p" + i);
            Path file = SshTools.privateFile(dir, "key" + i, key.privateKeyFile());
            var derived = SshTools.sshKeygen("-y", "-f", file.toString());
            assertThat(derived.exitCode()).as("ssh-keygen -y: %s", derived.stderr()).isZero();
            assertThat(derived.stdout().strip()).isEqualTo(key.publicKeyLine());
            var fingerprint = SshTools.sshKeygen("-l", "-f", file.toString());
            assertThat(fingerprint.stdout().strip())
                    .isEqualTo("256 " + key.fingerprint() + " dsvm-pool-p" + i + " (ED25519)");
        }
    }

    @Test
    void theFileIsOpensshKeyV1WithoutCipherAndTheSameForTheSameSeed() {
        byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var key = SshHostKey.fromSeed(seed, "c");
        String file = key.privateKeyFile();
        assertThat(file).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n")
                .endsWith("\n-----END OPENSSH PRIVATE KEY-----\n");
        String body = file.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        assertThat(file.lines().filter(line -> !line.startsWith("-----"))).allSatisfy(line ->
                assertThat(line.length()).isLessThanOrEqualTo(70));
        String decoded = new String(Base64.getDecoder().decode(body), StandardCharsets.ISO_8859_1);
        assertThat(decoded).startsWith("openssh-key-v1\0").contains("none");
        assertThat(SshHostKey.fromSeed(seed, "c").privateKeyFile()).isEqualTo(file);
        assertThat(key.privateKeyFileBase64()).doesNotContain("\n");
        assertThat(new String(Base64.getDecoder().decode(key.privateKeyFileBase64()), StandardCharsets.US_ASCII))
                .isEqualTo(file);
        assertThat(SshHostKey.fromBase64Seed(Base64.getEncoder().encodeToString(seed), "c").publicKeyLine())
                .isEqualTo(key.publicKeyLine());
    }

    @Test
    void differentSeedsGiveDifferentKeysAndToStringShowsNoPrivateKey() {
        var lines = new HashSet<String>();
        for (int i = 0; i < 16; i++) {
            byte[] seed = new byte[32];
            seed[i] = 1;
            var key = SshHostKey.fromSeed(seed, "");
            lines.add(key.publicKeyLine());
            assertThat(key.toString()).contains(key.fingerprint()).doesNotContain(key.privateKeyFileBase64())
                    .doesNotContain("PRIVATE KEY");
        }
        assertThat(lines).hasSize(16);
    }

    @Test
    void aSeedOfAnotherLengthOrNotBase64OrABadCommentIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> SshHostKey.fromSeed(new byte[31], "c")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SshHostKey.fromSeed(new byte[32], "two words"))
                .isInstanceOf(IllegalArgumentException.class);
        String notBase64 = "s3cr3t!seed*value";
        assertThatThrownBy(() -> SshHostKey.fromBase64Seed(notBase64, "c"))
                .hasMessage("the host key seed is not base64").hasNoCause();
    }
}
