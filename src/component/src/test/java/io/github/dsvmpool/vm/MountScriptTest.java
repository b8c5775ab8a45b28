package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountScriptTest {
    static final MountParameters SMB = new MountParameters("dsvmpoolfiles", "dsvmshare", "/datamnt/dsvmshare",
            "core.windows.net", "azureuser", ShareProtocol.SMB);
    static final MountParameters NFS = new MountParameters("dsvmpoolfiles", "dsvmshare", "/datamnt/dsvmshare",
            "core.windows.net", "azureuser", ShareProtocol.NFS);
    static final String KEY = "Zm9vYmFyS2V5K3NsYXNoL2VxdWFscz09c2VjcmV0S0VZdmFsdWUxMjM0NTY3ODkwYWJjZGVmZ2hpams+/Q==";

    private final MountScript script = MountScript.shipped();

    @Test
    void shippedBodyIsTheResourceAndIsLoadedOnce() throws IOException {
        try (InputStream in = MountScript.class.getResourceAsStream(MountScript.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(script.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(MountScript.shipped()).isSameAs(script);
        assertThat(script.body()).startsWith("#!/usr/bin/env bash\n").contains("[dsvm-mount]");
    }

    @Test
    void renderPutsTheParametersBeforeTheBodyWithoutItsShebang() {
        String rendered = script.render(SMB, KEY);
        String body = script.body();
        String bodyWithoutShebang = body.substring(body.indexOf('\n') + 1);

        assertThat(rendered).startsWith("#!/bin/bash\n").endsWith(bodyWithoutShebang);
        String header = rendered.substring(0, rendered.length() - bodyWithoutShebang.length());
        assertThat(header.lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
                "set -euo pipefail",
                "DSVM_STORAGE_ACCOUNT='dsvmpoolfiles'",
                "DSVM_SHARE_NAME='dsvmshare'",
                "DSVM_MOUNT_POINT='/datamnt/dsvmshare'",
                "DSVM_ENDPOINT_SUFFIX='core.windows.net'",
                "DSVM_ADMIN_USER='azureuser'",
                "DSVM_PROTOCOL='smb'",
                "DSVM_STORAGE_KEY='" + KEY + "'",
                "DSVM_SSH_HOST_PUBLIC_KEY=''",
                "DSVM_SSH_HOST_PRIVATE_KEY=''");
        assertThat(rendered).doesNotContain("#!/usr/bin/env bash").doesNotContain("export DSVM");
    }

    @Test
    void nfsHasAnEmptyKeyAndNeverEmbedsOne() {
        assertThat(script.render(NFS, null)).contains("\nDSVM_PROTOCOL='nfs'\n").contains("\nDSVM_STORAGE_KEY=''\n");
        assertThat(script.render(NFS, KEY)).doesNotContain(KEY);
    }

    @Test
    void encodedScriptRoundTripsThroughDecode() {
        String encoded = script.encodedScript(SMB, KEY);
        assertThat(MountScript.decode(encoded)).isEqualTo(script.render(SMB, KEY));
        byte[] gzip = Base64.getDecoder().decode(encoded);
        assertThat(gzip[0] & 0xff).isEqualTo(0x1f);
        assertThat(gzip[1] & 0xff).isEqualTo(0x8b);
        assertThat(new byte[] {gzip[4], gzip[5], gzip[6], gzip[7]}).containsOnly(0); // mtime 0
    }

    @Test
    void encodedScriptIsDeterministic() {
        assertThat(script.encodedScript(SMB, KEY)).isEqualTo(script.encodedScript(SMB, KEY));
        assertThat(MountScript.ofBody(script.body()).encodedScript(NFS, null))
                .isEqualTo(script.encodedScript(NFS, null));
    }

    @Test
    void scriptStaysWellUnderTheExtensionLimit() {
        MountParameters big = new MountParameters("a".repeat(24), "s".repeat(63), "/" + "m".repeat(200),
                "core.usgovcloudapi.net", "u".repeat(32), ShareProtocol.SMB);
        String encoded = script.encodedScript(big, KEY);
        assertThat(encoded.length()).isLessThan(MountScript.MAX_ENCODED_SCRIPT_BYTES / 8);
        assertThat(script.render(big, KEY).getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(MountScript.MAX_ENCODED_SCRIPT_BYTES / 4);
    }

    @Test
    void revisionIsSixteenHexCharactersAndStable() {
        assertThat(script.revision(SMB)).matches("[0-9a-f]{16}").isEqualTo(script.revision(SMB));
        assertThat(MountScript.ofBody(script.body()).revision(SMB)).isEqualTo(script.revision(SMB));
    }

    @Test
    void revisionChangesWithEachParameterAndWithTheBody() {
        List<UnaryOperator<MountParameters>> changes = List.of(
                p -> new MountParameters("other", p.shareName(), p.mountPoint(), p.storageEndpointSuffix(),
                        p.adminUsername(), p.protocol()),
                p -> new MountParameters(p.storageAccountName(), "other", p.mountPoint(), p.storageEndpointSuffix(),
                        p.adminUsername(), p.protocol()),
                p -> new MountParameters(p.storageAccountName(), p.shareName(), "/other", p.storageEndpointSuffix(),
                        p.adminUsername(), p.protocol()),
                p -> new MountParameters(p.storageAccountName(), p.shareName(), p.mountPoint(),
                        "core.chinacloudapi.cn", p.adminUsername(), p.protocol()),
                p -> new MountParameters(p.storageAccountName(), p.shareName(), p.mountPoint(),
                        p.storageEndpointSuffix(), "other", p.protocol()),
                p -> new MountParameters(p.storageAccountName(), p.shareName(), p.mountPoint(),
                        p.storageEndpointSuffix(), p.adminUsername(), ShareProtocol.NFS));
        List<String> revisions = new ArrayList<>();
        revisions.add(script.revision(SMB));
        changes.forEach(change -> revisions.add(script.revision(change.apply(SMB))));
        revisions.add(MountScript.ofBody(script.body() + "\n# changed\n").revision(SMB));
        assertThat(revisions).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void revisionSeparatesFieldsUnambiguously() {
        MountParameters a = new MountParameters("ab", "c", "/m", "s", "u", ShareProtocol.SMB);
        MountParameters b = new MountParameters("a", "bc", "/m", "s", "u", ShareProtocol.SMB);
        assertThat(script.revision(a)).isNotEqualTo(script.revision(b));
    }

    @Test
    void revisionIgnoresTheKeyWhichChangesOnlyTheProtectedScript() {
        String revision = script.revision(SMB);
        assertThat(revision).doesNotContain(KEY.substring(0, 8));
        assertThat(script.encodedScript(SMB, KEY)).isNotEqualTo(script.encodedScript(SMB, "another-key"));
        assertThat(script.revision(SMB)).isEqualTo(revision);
    }

    @ParameterizedTest
    @ValueSource(strings = {"storageAccountName", "shareName", "mountPoint", "storageEndpointSuffix",
            "adminUsername", "storageKey"})
    void renderRejectsALineBreakNamingTheParameter(String name) {
        for (String bad : List.of("a\nb", "a\rb", "a\0b")) {
            assertThatThrownBy(() -> script.render(with(name, bad), name.equals("storageKey") ? bad : KEY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name);
        }
        assertThatThrownBy(() -> script.render(with(name, null), name.equals("storageKey") ? null : KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @Test
    void renderRejectsAMissingProtocol() {
        MountParameters noProtocol = new MountParameters("a", "b", "/c", "d", "e", null);
        assertThatThrownBy(() -> script.render(noProtocol, KEY)).hasMessageContaining("protocol");
        assertThatThrownBy(() -> script.revision(noProtocol)).hasMessageContaining("protocol");
    }

    @Test
    void renderedScriptIsValidBash() throws Exception {
        Result result = bash(script.render(new MountParameters("acct", "share", "/data/it's $HOME", "core.windows.net",
                "azureuser", ShareProtocol.SMB), "k'\"$(x)`y`"), "-n");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void awkwardValuesReachBashUnchanged() throws Exception {
        String[] values = {"it's", "two words", "$HOME", "\"dq\"", "$(touch /tmp/x)", "`id`", "back\\slash",
                "tab\there", "*", "~", "!x", "ünï", " lead and trail "};
        MountScript echo = echoScript();
        for (String value : values) {
            MountParameters p = new MountParameters(value, value, value, value, value, ShareProtocol.SMB);
            Result result = bash(echo.render(p, value));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).isEqualTo((value + "\0").repeat(6) + "smb\0");
        }
    }

    @Property(tries = 60)
    void anyValueWithoutLineBreakOrNulRoundTripsThroughBash(@ForAll("shellValues") String value) throws Exception {
        MountParameters p = new MountParameters(value, "share", value, "core.windows.net", value, ShareProtocol.SMB);
        Result result = bash(echoScript().render(p, value));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isEqualTo(value + "\0share\0" + value + "\0core.windows.net\0" + value + "\0"
                + value + "\0smb\0");
    }

    @Provide
    Arbitrary<String> shellValues() {
        return Arbitraries.strings()
                .withChars("'\"$`\\ \t!*?[]{}();&|<>~#%=+/,.-_aZ09é")
                .withCharRange(' ', '~')
                .ofMinLength(0).ofMaxLength(40);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** A body that prints the variables the header set, NUL-separated. */
    private static MountScript echoScript() {
        return MountScript.ofBody("#!/usr/bin/env bash\nprintf '%s\\0' \"$DSVM_STORAGE_ACCOUNT\" \"$DSVM_SHARE_NAME\" "
                + "\"$DSVM_MOUNT_POINT\" \"$DSVM_ENDPOINT_SUFFIX\" \"$DSVM_ADMIN_USER\" \"$DSVM_STORAGE_KEY\" "
                + "\"$DSVM_PROTOCOL\"\n");
    }

    private static MountParameters with(String name, String value) {
        MountParameters p = SMB;
        return new MountParameters(
                name.equals("storageAccountName") ? value : p.storageAccountName(),
                name.equals("shareName") ? value : p.shareName(),
                name.equals("mountPoint") ? value : p.mountPoint(),
                name.equals("storageEndpointSuffix") ? value : p.storageEndpointSuffix(),
                name.equals("adminUsername") ? value : p.adminUsername(),
                p.protocol());
    }

    record Result(int exitCode, String output) {}

    /** Runs a script text with bash from stdin. */
    private static Result bash(String scriptText, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(options));
        command.add("-s");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(scriptText.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bash did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
